package dev.orderly.localcloud.template.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A strict reader of one resolved object of properties: every key must be read or accepted before
 * {@link #done()}, otherwise the first unread one fails as unsupported. Scalars are taken as
 * CloudFormation takes them: a number may be written as a string and vice versa.
 */
final class Props {
  private final ObjectNode node;
  private final Where where;
  private final Set<String> read = new HashSet<>();

  private Props(ObjectNode node, Where where) {
    this.node = node;
    this.where = where;
  }

  static Props of(JsonNode node, Where where) {
    if (node == null || node.isMissingNode() || node.isNull()) {
      return new Props(Json.MAPPER.createObjectNode(), where);
    }
    if (!node.isObject()) {
      throw where.fail("must be an object");
    }
    return new Props((ObjectNode) node, where);
  }

  Where where() {
    return where;
  }

  Where where(String key) {
    return where.at(key);
  }

  boolean has(String key) {
    return node.has(key);
  }

  /** Marks keys as understood but not emulated (e.g. Policies, Tags). */
  void accept(String... keys) {
    read.addAll(Arrays.asList(keys));
  }

  Optional<JsonNode> node(String key) {
    read.add(key);
    JsonNode value = node.get(key);
    return value == null || value.isNull() ? Optional.empty() : Optional.of(value);
  }

  Optional<String> string(String key) {
    return node(key).map(v -> Json.scalar(v, where.at(key)));
  }

  String requiredString(String key) {
    return string(key).orElseThrow(() -> where.at(key).fail("is required"));
  }

  OptionalInt integer(String key) {
    Optional<String> text = string(key);
    if (text.isEmpty()) {
      return OptionalInt.empty();
    }
    try {
      return OptionalInt.of(Integer.parseInt(text.get()));
    } catch (NumberFormatException e) {
      throw where.at(key).fail("must be an integer, not " + text.get());
    }
  }

  int integer(String key, int defaultValue) {
    return integer(key).orElse(defaultValue);
  }

  int integer(String key, int defaultValue, int min, int max) {
    int value = integer(key, defaultValue);
    if (value < min || value > max) {
      throw where.at(key).fail("must be between " + min + " and " + max + ", not " + value);
    }
    return value;
  }

  Optional<Double> decimal(String key) {
    Optional<String> text = string(key);
    try {
      return text.map(Double::valueOf);
    } catch (NumberFormatException e) {
      throw where.at(key).fail("must be a number, not " + text.get());
    }
  }

  boolean bool(String key, boolean defaultValue) {
    Optional<String> text = string(key);
    if (text.isEmpty()) {
      return defaultValue;
    }
    switch (text.get()) {
      case "true":
        return true;
      case "false":
        return false;
      default:
        throw where.at(key).fail("must be true or false, not " + text.get());
    }
  }

  /** One of the allowed values, or the default when absent. */
  String oneOf(String key, String defaultValue, String... allowed) {
    String value = string(key).orElse(defaultValue);
    if (value != null && !Arrays.asList(allowed).contains(value)) {
      throw where.at(key).fail("must be one of " + String.join(", ", allowed) + ", not " + value);
    }
    return value;
  }

  Optional<Props> object(String key) {
    return node(key).map(v -> Props.of(v, where.at(key)));
  }

  Props requiredObject(String key) {
    return object(key).orElseThrow(() -> where.at(key).fail("is required"));
  }

  List<Props> objects(String key) {
    List<Props> result = new ArrayList<>();
    List<JsonNode> items = list(key);
    for (int i = 0; i < items.size(); i++) {
      result.add(Props.of(items.get(i), where.at(key).index(i)));
    }
    return result;
  }

  List<JsonNode> list(String key) {
    Optional<JsonNode> value = node(key);
    if (value.isEmpty()) {
      return List.of();
    }
    if (!value.get().isArray()) {
      throw where.at(key).fail("must be a list");
    }
    List<JsonNode> items = new ArrayList<>();
    value.get().forEach(items::add);
    return items;
  }

  List<String> strings(String key) {
    List<JsonNode> items = list(key);
    List<String> result = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      result.add(Json.scalar(items.get(i), where.at(key).index(i)));
    }
    return result;
  }

  /** An object of string values, in order. */
  Map<String, String> stringMap(String key) {
    Map<String, String> result = new LinkedHashMap<>();
    Optional<JsonNode> value = node(key);
    if (value.isEmpty()) {
      return result;
    }
    if (!value.get().isObject()) {
      throw where.at(key).fail("must be an object");
    }
    value
        .get()
        .fields()
        .forEachRemaining(
            e -> result.put(e.getKey(), Json.scalar(e.getValue(), where.at(key).at(e.getKey()))));
    return result;
  }

  /** The keys of this object, in order (all count as read). */
  List<String> keys() {
    List<String> keys = new ArrayList<>();
    node.fieldNames().forEachRemaining(keys::add);
    read.addAll(keys);
    return keys;
  }

  /** Fails on the first key that was neither read nor accepted. */
  void done() {
    var names = node.fieldNames();
    while (names.hasNext()) {
      String key = names.next();
      if (!read.contains(key)) {
        throw where.at(key).unsupported();
      }
    }
  }
}
