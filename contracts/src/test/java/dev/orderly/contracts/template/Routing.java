package dev.orderly.contracts.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import software.amazon.event.ruler.JsonRuleCompiler;
import software.amazon.event.ruler.Machine;

/**
 * The template's EventBridge rules and Lambda event filters, matched by event-ruler, the engine
 * EventBridge itself uses: which consumer functions an event reaches, and whether a stream record
 * passes a mapping's filter.
 */
final class Routing {
  private Routing() {}

  /** The queue each rule delivers to, by rule id. */
  static Map<String, String> ruleTargets() {
    Map<String, String> targets = new LinkedHashMap<>();
    Template.ofType(Template.RULE)
        .forEach(
            (id, rule) ->
                rule.path("Targets")
                    .forEach(t -> targets.put(id, Template.target(t.get("Arn")).orElseThrow())));
    return targets;
  }

  /** The function consuming each queue, through its event source mapping. */
  static Map<String, String> queueConsumers() {
    Map<String, String> consumers = new LinkedHashMap<>();
    for (JsonNode m : Template.ofType(Template.MAPPING).values()) {
      String source = Template.target(m.get("EventSourceArn")).orElseThrow();
      consumers.put(source, Template.target(m.get("FunctionName")).orElseThrow());
    }
    return consumers;
  }

  /** The functions an EventBridge event reaches: rule, then queue, then consumer. */
  static Set<String> consumersOf(JsonNode event) {
    Machine machine = Machine.builder().build();
    Template.ofType(Template.RULE)
        .forEach((id, rule) -> add(machine, id, rule.get("EventPattern")));
    Set<String> consumers = new HashSet<>();
    for (String rule : matches(machine, event)) {
      consumers.add(queueConsumers().get(ruleTargets().get(rule)));
    }
    return consumers;
  }

  /** Whether a pattern (a rule's, or a Lambda filter's) matches {@code event}. */
  static boolean matches(JsonNode pattern, JsonNode event) {
    Machine machine = Machine.builder().build();
    add(machine, "pattern", pattern);
    return !matches(machine, event).isEmpty();
  }

  static String problemWith(JsonNode pattern) {
    return JsonRuleCompiler.check(pattern.toString());
  }

  private static void add(Machine machine, String name, JsonNode pattern) {
    String problem = problemWith(pattern);
    if (problem != null) {
      throw new IllegalArgumentException("pattern of " + name + ": " + problem);
    }
    try {
      machine.addRule(name, pattern.toString());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static java.util.List<String> matches(Machine machine, JsonNode event) {
    try {
      return machine.rulesForJSONEvent(event.toString());
    } catch (Exception e) {
      throw new IllegalStateException("event-ruler could not match " + event, e);
    }
  }
}
