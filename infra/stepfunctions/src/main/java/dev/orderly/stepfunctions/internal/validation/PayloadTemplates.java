package dev.orderly.stepfunctions.internal.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Payload templates (Parameters, ResultSelector, ItemSelector, Credentials, Assign, ...): every
 * field whose name ends in {@code .$} holds a path or an intrinsic function call, at any depth, and
 * no object has two fields that become one once {@code .$} is stripped.
 *
 * <p>Unlike asl-validator, fields are checked under every key (it skips keys of one or two
 * characters and those whose next-to-last character is a dot), a {@code .$} field may not be null,
 * and arrays may hold nulls and empty strings (AWS accepts both).
 */
final class PayloadTemplates {
  private PayloadTemplates() {}

  static void check(Reporter r, String field, JsonNode template) {
    if (template.isNull()
        || (template.isTextual()
            && (template.textValue().isEmpty() || template.textValue().startsWith("{% ")))) {
      r.report(field, "must be a payload template (an object, array, number, boolean or text)");
      return;
    }
    walk(r, field, template);
  }

  private static void walk(Reporter r, String at, JsonNode node) {
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        walk(r, at + "[" + i + "]", node.get(i));
      }
      return;
    }
    if (!node.isObject()) {
      return;
    }
    Map<String, String> seen = new HashMap<>();
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> entry = fields.next();
      String key = entry.getKey();
      String location = at + "." + key;
      boolean dynamic = key.endsWith(".$");
      String evaluated = dynamic ? key.substring(0, key.length() - 2) : key;
      String earlier = seen.putIfAbsent(evaluated, key);
      if (earlier != null) {
        r.report(location, "has the same name as field '" + earlier + "' once '.$' is stripped");
      }
      if (dynamic && key.length() > 2) {
        JsonNode value = entry.getValue();
        String problem =
            value.isTextual()
                ? PathSyntax.problem(value.textValue(), PathSyntax.Use.PAYLOAD_TEMPLATE)
                : "must be a string holding a path or an intrinsic function call";
        if (problem != null) {
          r.report(location, problem);
        }
      } else {
        walk(r, location, entry.getValue());
      }
    }
  }
}
