package dev.orderly.localcloud.events.internal.http;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderly.localcloud.events.EventBridgeException;
import dev.orderly.localcloud.events.InputTransformerSpec;
import dev.orderly.localcloud.events.RetryPolicy;
import dev.orderly.localcloud.events.TargetSpec;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The API's {@code Target} shape, read (PutTargets) and written (ListTargetsByRule). */
final class TargetJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectReader STRICT_JSON =
      new ObjectMapper().reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private static final List<String> UNSUPPORTED =
      List.of(
          "SqsParameters",
          "HttpParameters",
          "EcsParameters",
          "KinesisParameters",
          "BatchParameters",
          "RunCommandParameters");

  private TargetJson() {}

  static TargetSpec read(JsonNode target) {
    for (String member : UNSUPPORTED) {
      if (target.hasNonNull(member)) {
        throw EventBridgeException.validation(
            "Target member " + member + " is not supported by the local EventBridge");
      }
    }
    InputTransformerSpec transformer = null;
    JsonNode transform = target.get("InputTransformer");
    if (transform != null && !transform.isNull()) {
      Map<String, String> paths = new LinkedHashMap<>();
      transform
          .path("InputPathsMap")
          .fields()
          .forEachRemaining(e -> paths.put(e.getKey(), e.getValue().asText()));
      transformer = new InputTransformerSpec(paths, required(transform, "InputTemplate"));
    }
    RetryPolicy retry = null;
    JsonNode policy = target.get("RetryPolicy");
    if (policy != null && !policy.isNull()) {
      try {
        retry =
            new RetryPolicy(
                policy.path("MaximumRetryAttempts").asInt(185),
                policy.path("MaximumEventAgeInSeconds").asInt(86_400));
      } catch (IllegalArgumentException e) {
        throw EventBridgeException.validation(e.getMessage());
      }
    }
    try {
      return new TargetSpec(
          required(target, "Id"),
          required(target, "Arn"),
          optional(target, "InputPath"),
          transformer,
          retry,
          optional(target.path("DeadLetterConfig"), "Arn"),
          input(target));
    } catch (IllegalArgumentException e) {
      throw EventBridgeException.validation(e.getMessage());
    }
  }

  /** Input: a string holding valid JSON, sent as it is. */
  private static String input(JsonNode target) {
    String input = optional(target, "Input");
    if (input == null) {
      return null;
    }
    JsonNode parsed;
    try {
      parsed = STRICT_JSON.readTree(input);
    } catch (IOException e) {
      parsed = null;
    }
    if (parsed == null || parsed.isMissingNode()) {
      throw EventBridgeException.validation(
          "Input of target " + target.path("Id").asText() + " is not valid JSON");
    }
    return input;
  }

  static ObjectNode write(TargetSpec spec) {
    ObjectNode item = NODES.objectNode().put("Id", spec.id()).put("Arn", spec.arn());
    if (spec.input() != null) {
      item.put("Input", spec.input());
    }
    if (spec.inputPath() != null) {
      item.put("InputPath", spec.inputPath());
    }
    if (spec.inputTransformer() != null) {
      ObjectNode transformer = item.putObject("InputTransformer");
      ObjectNode paths = transformer.putObject("InputPathsMap");
      spec.inputTransformer().inputPathsMap().forEach(paths::put);
      transformer.put("InputTemplate", spec.inputTransformer().inputTemplate());
    }
    item.putObject("RetryPolicy")
        .put("MaximumRetryAttempts", spec.retryPolicy().maximumRetryAttempts())
        .put("MaximumEventAgeInSeconds", spec.retryPolicy().maximumEventAgeInSeconds());
    if (spec.deadLetterArn() != null) {
      item.putObject("DeadLetterConfig").put("Arn", spec.deadLetterArn());
    }
    return item;
  }

  private static String required(JsonNode node, String member) {
    String value = optional(node, member);
    if (value == null) {
      throw EventBridgeException.validation(
          "1 validation error detected: Value null at '"
              + member
              + "' failed to satisfy constraint: Member must not be null");
    }
    return value;
  }

  private static String optional(JsonNode node, String member) {
    JsonNode value = node.get(member);
    return value == null || value.isNull() ? null : value.asText();
  }
}
