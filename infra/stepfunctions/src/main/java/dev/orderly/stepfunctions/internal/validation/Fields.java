package dev.orderly.stepfunctions.internal.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The schema-shaped checks on one JSON object: known fields, their kinds, and field groups. */
final class Fields {
  private Fields() {}

  /** Field names in declaration order, each with its kind, from {@code name, kind} pairs. */
  static Map<String, FieldKind> of(Object... pairs) {
    Map<String, FieldKind> fields = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      fields.put((String) pairs[i], (FieldKind) pairs[i + 1]);
    }
    return fields;
  }

  /** The union of field tables; later tables win. */
  @SafeVarargs
  static Map<String, FieldKind> union(Map<String, FieldKind>... tables) {
    Map<String, FieldKind> fields = new LinkedHashMap<>();
    for (Map<String, FieldKind> table : tables) {
      fields.putAll(table);
    }
    return fields;
  }

  /**
   * Checks each known field's value; when {@code owner} is not null, a field not in {@code kinds}
   * is reported as not allowed in the owner ("a Task state").
   */
  static void check(Reporter r, JsonNode object, Map<String, FieldKind> kinds, String owner) {
    Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      FieldKind kind = kinds.get(field.getKey());
      if (kind != null) {
        kind.check(r, field.getKey(), field.getValue());
      } else if (owner != null) {
        r.report(field.getKey(), "is not allowed in " + owner);
      }
    }
  }

  static void required(Reporter r, JsonNode object, String... names) {
    for (String name : names) {
      if (!object.has(name)) {
        r.report(name, "is required");
      }
    }
  }

  /** Reports at the first field of the group when more than one is present. */
  static void atMostOne(Reporter r, JsonNode object, String... names) {
    List<String> present = present(object, names);
    if (present.size() > 1) {
      r.report(
          present.get(0),
          "cannot be used with " + String.join(" or ", present.subList(1, present.size())));
    }
  }

  /** Reports at the group's first field when none is present, else at the first present. */
  static void exactlyOne(Reporter r, JsonNode object, String... names) {
    List<String> present = present(object, names);
    if (present.isEmpty()) {
      r.report(names[0], "one of " + String.join(", ", names) + " is required");
    } else if (present.size() > 1) {
      r.report(
          present.get(0),
          "cannot be used with " + String.join(" or ", present.subList(1, present.size())));
    }
  }

  private static List<String> present(JsonNode object, String... names) {
    List<String> present = new ArrayList<>();
    for (String name : names) {
      if (object.has(name)) {
        present.add(name);
      }
    }
    return present;
  }
}
