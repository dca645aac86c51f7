package dev.orderly.orderviews.persistence;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The SET clauses of one UpdateItem with every attribute name and value behind a placeholder (no
 * reserved-word surprises, no injection through a name). In keep-existing mode every assignment is
 * {@code if_not_exists}, which makes the update idempotent and commutative with any other.
 */
final class Assignments {
  private final boolean keepExisting;
  private final List<String> clauses = new ArrayList<>();
  private final Map<String, String> names = new HashMap<>();
  private final Map<String, String> aliases = new HashMap<>();
  private final Map<String, AttributeValue> values = new HashMap<>();

  private Assignments(boolean keepExisting) {
    this.keepExisting = keepExisting;
  }

  /** Assignments that overwrite, except those made with {@link #setIfAbsent}. */
  static Assignments overwriting() {
    return new Assignments(false);
  }

  /** Assignments that all leave an existing value alone. */
  static Assignments keepingExisting() {
    return new Assignments(true);
  }

  Assignments put(String attribute, AttributeValue value) {
    return keepExisting ? setIfAbsent(attribute, value) : set(attribute, value);
  }

  Assignments set(String attribute, AttributeValue value) {
    clauses.add(name(attribute) + " = " + value(value));
    return this;
  }

  Assignments setIfAbsent(String attribute, AttributeValue value) {
    String name = name(attribute);
    clauses.add(name + " = if_not_exists(" + name + ", " + value(value) + ")");
    return this;
  }

  /** The placeholder of an attribute name, for a condition on the same update. */
  String name(String attribute) {
    return aliases.computeIfAbsent(
        attribute,
        a -> {
          String alias = "#a" + aliases.size();
          names.put(alias, a);
          return alias;
        });
  }

  /** A new placeholder for a value, for a condition on the same update. */
  String value(AttributeValue value) {
    String alias = ":v" + values.size();
    values.put(alias, value);
    return alias;
  }

  String expression() {
    return "SET " + String.join(", ", clauses);
  }

  Map<String, String> names() {
    return Map.copyOf(names);
  }

  Map<String, AttributeValue> values() {
    return Map.copyOf(values);
  }
}
