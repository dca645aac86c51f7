package dev.orderly.dynamodb.internal.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderly.dynamodb.internal.error.DynamoDbException;
import dev.orderly.dynamodb.internal.value.AttributeValue;
import dev.orderly.dynamodb.internal.value.ValueJson;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads request members and applies DynamoDB's generic constraint checks, whose messages name the
 * member in lower camel case and are gathered into one "N validation errors detected" message.
 */
final class Requests {
  private static final Pattern TABLE_NAME = Pattern.compile("[a-zA-Z0-9_.-]+");

  private final ObjectNode body;
  private final List<String> errors = new ArrayList<>();

  Requests(ObjectNode body) {
    this.body = body;
  }

  ObjectNode body() {
    return body;
  }

  JsonNode node(String member) {
    JsonNode node = body.get(member);
    return node == null || node.isNull() ? null : node;
  }

  String string(String member) {
    JsonNode node = node(member);
    return node == null ? null : node.asText();
  }

  Integer integer(String member) {
    JsonNode node = node(member);
    return node == null ? null : node.asInt();
  }

  boolean bool(String member) {
    JsonNode node = node(member);
    return node != null && node.asBoolean();
  }

  Map<String, AttributeValue> item(String member) {
    return ValueJson.readItem(node(member));
  }

  Map<String, String> names(String member) {
    JsonNode node = node(member);
    if (node == null) {
      return null;
    }
    Map<String, String> names = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> e = fields.next();
      names.put(e.getKey(), e.getValue().asText());
    }
    return names;
  }

  /** Fails at once, as DynamoDB does, for a missing required member. */
  Requests required(String... members) {
    for (String member : members) {
      if (node(member) == null) {
        throw DynamoDbException.validation(
            "The parameter '" + member + "' is required but was not present in the request");
      }
    }
    return this;
  }

  Requests tableName(String member) {
    String name = string(member);
    if (name == null) {
      return notNull(member);
    }
    if (name.length() < 3 || name.length() > 255) {
      throw DynamoDbException.validation(
          member + " must be at least 3 characters long and at most 255 characters long");
    }
    if (!TABLE_NAME.matcher(name).matches()) {
      fail(member, name, "Member must satisfy regular expression pattern: " + TABLE_NAME.pattern());
    }
    return this;
  }

  Requests notNull(String member) {
    if (node(member) == null) {
      errors.add(
          "Value null at '"
              + lowerFirst(member)
              + "' failed to satisfy constraint: Member must not be null");
    }
    return this;
  }

  Requests oneOf(String member, String... allowed) {
    String value = string(member);
    if (value != null && !List.of(allowed).contains(value)) {
      fail(
          member,
          value,
          "Member must satisfy enum value set: [" + String.join(", ", allowed) + "]");
    }
    return this;
  }

  Requests atLeast(String member, long min) {
    JsonNode node = node(member);
    if (node != null && node.asLong() < min) {
      fail(member, node.asText(), "Member must have value greater than or equal to " + min);
    }
    return this;
  }

  Requests atMost(String member, long max) {
    JsonNode node = node(member);
    if (node != null && node.asLong() > max) {
      fail(member, node.asText(), "Member must have value less than or equal to " + max);
    }
    return this;
  }

  Requests fail(String member, String value, String constraint) {
    errors.add(
        "Value '"
            + value
            + "' at '"
            + lowerFirst(member)
            + "' failed to satisfy constraint: "
            + constraint);
    return this;
  }

  /** Throws the gathered constraint violations, if any. */
  void check() {
    if (errors.isEmpty()) {
      return;
    }
    List<String> shown = errors.size() > 10 ? errors.subList(0, 10) : errors;
    throw DynamoDbException.validation(
        shown.size()
            + " validation error"
            + (shown.size() > 1 ? "s" : "")
            + " detected: "
            + String.join("; ", shown));
  }

  /** Rejects the pre-expression members this engine does not implement, naming the member. */
  void rejectLegacy(String... members) {
    for (String member : members) {
      if (node(member) != null) {
        throw DynamoDbException.validation(
            "The legacy parameter "
                + member
                + " is not supported by this engine; use the expression parameters instead");
      }
    }
  }

  static String lowerFirst(String s) {
    return Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }
}
