package dev.orderly.dynamodb.internal.expression;

import dev.orderly.dynamodb.internal.error.DynamoDbException;
import dev.orderly.dynamodb.internal.value.AttributeValue;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A request's {@code ExpressionAttributeNames} and {@code ExpressionAttributeValues}, shared by all
 * the expressions of that request so that placeholders left unused by every expression can be
 * reported afterwards ({@link #checkAllUsed()}).
 */
public final class ExpressionAttributes {
  private static final Pattern NAME_KEY = Pattern.compile("#[0-9a-zA-Z_]+");
  private static final Pattern VALUE_KEY = Pattern.compile(":[0-9a-zA-Z_]+");

  private final Map<String, String> names;
  private final Map<String, AttributeValue> values;
  private final Set<String> unusedNames;
  private final Set<String> unusedValues;

  private ExpressionAttributes(Map<String, String> names, Map<String, AttributeValue> values) {
    this.names = names;
    this.values = values;
    this.unusedNames = new LinkedHashSet<>(names.keySet());
    this.unusedValues = new LinkedHashSet<>(values.keySet());
  }

  /**
   * Validates the maps as DynamoDB does (names before values) and starts tracking their use. Either
   * map may be {@code null} (absent); an empty map is an error. Keys are kept in the order given,
   * which is the order unused keys are reported in.
   */
  public static ExpressionAttributes of(
      Map<String, String> names, Map<String, AttributeValue> values) {
    if (names != null) {
      if (names.isEmpty()) {
        throw DynamoDbException.validation("ExpressionAttributeNames must not be empty");
      }
      for (String key : names.keySet()) {
        if (key == null || !NAME_KEY.matcher(key).matches()) {
          throw DynamoDbException.validation(
              "ExpressionAttributeNames contains invalid key: Syntax error; key: \"" + key + "\"");
        }
      }
    }
    if (values != null) {
      if (values.isEmpty()) {
        throw DynamoDbException.validation("ExpressionAttributeValues must not be empty");
      }
      for (String key : values.keySet()) {
        if (key == null || !VALUE_KEY.matcher(key).matches()) {
          throw DynamoDbException.validation(
              "ExpressionAttributeValues contains invalid key: Syntax error; key: \"" + key + "\"");
        }
      }
    }
    return new ExpressionAttributes(
        names == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(names)),
        values == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(values)));
  }

  /** No names and no values. */
  public static ExpressionAttributes none() {
    return new ExpressionAttributes(Map.of(), Map.of());
  }

  public Map<String, String> names() {
    return names;
  }

  public Map<String, AttributeValue> values() {
    return values;
  }

  /**
   * The attribute name a placeholder stands for, marking it used; {@code null} when it is not
   * defined (an empty name counts as undefined, as in dynalite).
   */
  String useName(String placeholder) {
    String name = names.get(placeholder);
    if (name == null || name.isEmpty()) {
      return null;
    }
    unusedNames.remove(placeholder);
    return name;
  }

  /** The value a placeholder stands for, marking it used; {@code null} when not defined. */
  AttributeValue useValue(String placeholder) {
    AttributeValue value = values.get(placeholder);
    if (value != null) {
      unusedValues.remove(placeholder);
    }
    return value;
  }

  /** Names no expression parsed so far has used, in the order they were given. */
  public Set<String> unusedNames() {
    return Collections.unmodifiableSet(unusedNames);
  }

  /** Values no expression parsed so far has used, in the order they were given. */
  public Set<String> unusedValues() {
    return Collections.unmodifiableSet(unusedValues);
  }

  /**
   * Fails as DynamoDB does when a name, then a value, was not used by any of the request's
   * expressions. Call once, after parsing all of them.
   */
  public void checkAllUsed() {
    if (!unusedNames.isEmpty()) {
      throw DynamoDbException.validation(
          "Value provided in ExpressionAttributeNames unused in expressions: keys: {"
              + String.join(", ", unusedNames)
              + "}");
    }
    if (!unusedValues.isEmpty()) {
      throw DynamoDbException.validation(
          "Value provided in ExpressionAttributeValues unused in expressions: keys: {"
              + String.join(", ", unusedValues)
              + "}");
    }
  }
}
