package dev.orderly.localcloud.events.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.event.ruler.Patterns;

/**
 * A rule as the bus keeps it: its pattern as written and as event-ruler compiled it (one map per
 * {@code $or} branch), its state and its targets by Id. Immutable: a change replaces the rule.
 */
public record Rule(
    String name,
    String busName,
    String arn,
    String eventPattern,
    List<Map<String, List<Patterns>>> compiled,
    String state,
    String description,
    Map<String, Target> targets) {
  public Rule {
    targets = Collections.unmodifiableMap(new LinkedHashMap<>(targets));
  }

  public boolean enabled() {
    return "ENABLED".equals(state);
  }

  Rule withTargets(Map<String, Target> replacement) {
    return new Rule(name, busName, arn, eventPattern, compiled, state, description, replacement);
  }
}
