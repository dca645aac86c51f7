package dev.orderly.localcloud.template.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import software.amazon.event.ruler.JsonRuleCompiler;

/** Event patterns (rules, mapping filters) as JSON text that AWS's own matcher accepts. */
final class EventPatterns {
  private EventPatterns() {}

  /** The pattern, given as an object or as JSON text, as compact JSON. */
  static String read(JsonNode pattern, Where where) {
    JsonNode tree = pattern;
    if (pattern.isTextual()) {
      try {
        tree = Json.MAPPER.readTree(pattern.textValue());
      } catch (JsonProcessingException e) {
        throw where.fail("is not valid JSON: " + e.getOriginalMessage());
      }
    }
    if (tree == null || !tree.isObject()) {
      throw where.fail("an event pattern is a JSON object");
    }
    String json = Json.compact(tree);
    String problem = JsonRuleCompiler.check(json);
    if (problem != null) {
      throw where.fail("is not a valid event pattern: " + problem);
    }
    return json;
  }
}
