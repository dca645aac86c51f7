package dev.orderly.contracts.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON Pointers of every required member present in an instance, found by walking the schema
 * beside it (local {@code $ref}s followed, the first item of arrays visited): each one, removed,
 * must make the instance invalid.
 */
final class RequiredFields {
  private RequiredFields() {}

  static List<String> of(JsonNode schema, JsonNode instance) {
    List<String> pointers = new ArrayList<>();
    walk(schema, schema, instance, "", pointers);
    return pointers;
  }

  private static void walk(
      JsonNode root, JsonNode schema, JsonNode instance, String at, List<String> out) {
    JsonNode resolved = resolve(root, schema);
    if (instance.isArray() && resolved.has("items") && instance.size() > 0) {
      walk(root, resolved.get("items"), instance.get(0), at + "/0", out);
      return;
    }
    if (!instance.isObject()) {
      return;
    }
    for (JsonNode name : resolved.path("required")) {
      if (instance.has(name.asText())) {
        out.add(at + "/" + name.asText());
      }
    }
    resolved
        .path("properties")
        .fields()
        .forEachRemaining(
            property -> {
              JsonNode value = instance.get(property.getKey());
              if (value != null) {
                walk(root, property.getValue(), value, at + "/" + property.getKey(), out);
              }
            });
  }

  private static JsonNode resolve(JsonNode root, JsonNode schema) {
    JsonNode ref = schema.get("$ref");
    return ref == null ? schema : root.at(ref.asText().substring(1));
  }
}
