package dev.orderly.localcloud.events;

import java.util.List;
import java.util.Objects;

/**
 * A rule on a bus, as {@code AWS::Events::Rule} declares it: an event pattern (JSON text, matched
 * by AWS's event-ruler), its targets and its state.
 *
 * @param eventBusName a bus name or ARN; {@code "default"} when null
 * @param state {@code ENABLED} (when null) or {@code DISABLED}, which matches nothing
 */
public record RuleSpec(
    String name, String eventBusName, String eventPattern, List<TargetSpec> targets, String state) {
  public RuleSpec {
    Objects.requireNonNull(name, "rule Name is required");
    Objects.requireNonNull(eventPattern, "rule " + name + " needs an EventPattern");
    eventBusName = eventBusName == null ? "default" : eventBusName;
    targets = List.copyOf(targets == null ? List.of() : targets);
    state = state == null ? "ENABLED" : state;
  }

  /** An {@code ENABLED} rule. */
  public RuleSpec(String name, String eventBusName, String eventPattern, List<TargetSpec> targets) {
    this(name, eventBusName, eventPattern, targets, null);
  }
}
