package dev.orderly.localcloud.events;

import java.util.Map;
import java.util.Objects;

/**
 * A target's {@code InputTransformer}: variables read from the event by JSONPath ({@code
 * InputPathsMap}) and the template they fill ({@code InputTemplate}, placeholders as {@code
 * <name>}).
 */
public record InputTransformerSpec(Map<String, String> inputPathsMap, String inputTemplate) {
  public InputTransformerSpec {
    inputPathsMap = Map.copyOf(inputPathsMap == null ? Map.of() : inputPathsMap);
    Objects.requireNonNull(inputTemplate, "InputTemplate is required");
  }
}
