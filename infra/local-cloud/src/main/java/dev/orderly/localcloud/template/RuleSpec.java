package dev.orderly.localcloud.template;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An {@code AWS::Events::Rule} (or a SAM {@code EventBridgeRule} event) with its targets resolved
 * to the template's resources.
 *
 * @param busName the bus's name; "default" when the rule names none
 * @param busLogicalId the bus's logical id; empty for "default"
 * @param eventPattern the pattern as compact JSON, already checked by event-ruler
 */
public record RuleSpec(
    String logicalId,
    String name,
    String arn,
    String busName,
    Optional<String> busLogicalId,
    String eventPattern,
    boolean enabled,
    List<Target> targets) {
  public RuleSpec {
    Objects.requireNonNull(logicalId, "logicalId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(arn, "arn");
    Objects.requireNonNull(busName, "busName");
    Objects.requireNonNull(busLogicalId, "busLogicalId");
    Objects.requireNonNull(eventPattern, "eventPattern");
    targets = Copies.list(targets);
  }

  /**
   * A target: {@code resource} is a QUEUE, FUNCTION, STATE_MACHINE or EVENT_BUS of the template. At
   * most one of input, inputPath and inputTransformer is present.
   */
  public record Target(
      String id,
      ResourceRef resource,
      Optional<String> input,
      Optional<String> inputPath,
      Optional<InputTransformer> inputTransformer,
      RetryPolicy retryPolicy,
      Optional<ResourceRef> deadLetterQueue) {
    public Target {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(resource, "resource");
      Objects.requireNonNull(input, "input");
      Objects.requireNonNull(inputPath, "inputPath");
      Objects.requireNonNull(inputTransformer, "inputTransformer");
      Objects.requireNonNull(retryPolicy, "retryPolicy");
      Objects.requireNonNull(deadLetterQueue, "deadLetterQueue");
    }
  }

  /** EventBridge's retry policy; the defaults are 185 attempts over at most 24 hours. */
  public record RetryPolicy(int maximumRetryAttempts, int maximumEventAgeInSeconds) {
    public static final RetryPolicy DEFAULT = new RetryPolicy(185, 86_400);
  }

  /** InputTransformer: JSON paths into the event, and the template they fill. */
  public record InputTransformer(Map<String, String> inputPathsMap, String inputTemplate) {
    public InputTransformer {
      inputPathsMap = Copies.map(inputPathsMap);
      Objects.requireNonNull(inputTemplate, "inputTemplate");
    }
  }
}
