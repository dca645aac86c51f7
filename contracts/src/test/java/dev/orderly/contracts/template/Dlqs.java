package dev.orderly.contracts.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The template's dead-letter queues, found by how they are used rather than by their names: the
 * target of a queue's redrive policy, of a rule target's DeadLetterConfig, of an event source
 * mapping's on-failure destination, or the compensation DLQ the state machine sends to.
 */
final class Dlqs {
  private Dlqs() {}

  static Set<String> all() {
    Set<String> dlqs = new LinkedHashSet<>();
    Template.ofType(Template.QUEUE)
        .values()
        .forEach(
            q -> Template.target(q.at("/RedrivePolicy/deadLetterTargetArn")).ifPresent(dlqs::add));
    for (JsonNode rule : Template.ofType(Template.RULE).values()) {
      rule.path("Targets")
          .forEach(t -> Template.target(t.at("/DeadLetterConfig/Arn")).ifPresent(dlqs::add));
    }
    for (JsonNode m : Template.ofType(Template.MAPPING).values()) {
      Template.target(m.at("/DestinationConfig/OnFailure/Destination")).ifPresent(dlqs::add);
    }
    for (JsonNode saga : Template.ofType(Template.STATE_MACHINE).values()) {
      saga.path("DefinitionSubstitutions")
          .forEach(
              v ->
                  Template.target(v)
                      .filter(id -> Template.type(id).equals(Template.QUEUE))
                      .ifPresent(dlqs::add));
    }
    return dlqs;
  }
}
