package dev.orderly.stepfunctions.internal.choice;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderly.stepfunctions.internal.StatesException;
import dev.orderly.stepfunctions.internal.intrinsics.IntrinsicFailureException;
import dev.orderly.stepfunctions.internal.intrinsics.JsonPathResolver;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses Choice rules as the Amazon States Language specification ("Choice Rules") defines them:
 * every String, Numeric, Boolean and Timestamp comparison and its {@code *Path} form, StringMatches
 * with {@code *} wildcards, the Is* type tests, and And / Or / Not. A comparison between a value
 * and an operand of another type is false, not an error.
 */
public final class ChoiceRules {
  private static final Set<String> TYPE_TESTS =
      Set.of("IsNull", "IsNumeric", "IsString", "IsBoolean", "IsTimestamp");

  private ChoiceRules() {}

  public static ChoiceRule parse(JsonNode rule) {
    if (rule.has("And")) {
      List<ChoiceRule> rules = list(rule.get("And"));
      return (input, context) -> rules.stream().allMatch(r -> r.test(input, context));
    }
    if (rule.has("Or")) {
      List<ChoiceRule> rules = list(rule.get("Or"));
      return (input, context) -> rules.stream().anyMatch(r -> r.test(input, context));
    }
    if (rule.has("Not")) {
      ChoiceRule inner = parse(rule.get("Not"));
      return (input, context) -> !inner.test(input, context);
    }
    String variable = rule.path("Variable").asText(null);
    if (variable == null) {
      throw new IllegalArgumentException("a Choice rule needs Variable, And, Or or Not: " + rule);
    }
    Iterator<Map.Entry<String, JsonNode>> fields = rule.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String operator = field.getKey();
      if (operator.equals("Variable") || operator.equals("Next")) {
        continue;
      }
      return comparison(variable, operator, field.getValue());
    }
    throw new IllegalArgumentException("a Choice rule has no comparison operator: " + rule);
  }

  private static List<ChoiceRule> list(JsonNode rules) {
    List<ChoiceRule> parsed = new ArrayList<>();
    rules.forEach(r -> parsed.add(parse(r)));
    return parsed;
  }

  private static ChoiceRule comparison(String variable, String operator, JsonNode operand) {
    if (operator.equals("IsPresent")) {
      boolean expected = operand.asBoolean();
      return (input, context) -> (resolveOrNull(variable, input, context) != null) == expected;
    }
    if (TYPE_TESTS.contains(operator)) {
      boolean expected = operand.asBoolean();
      return (input, context) ->
          typeTest(operator, resolve(variable, input, context, "Variable")) == expected;
    }
    boolean byPath = operator.endsWith("Path");
    String base = byPath ? operator.substring(0, operator.length() - 4) : operator;
    return (input, context) -> {
      JsonNode value = resolve(variable, input, context, "Variable");
      JsonNode against = byPath ? resolve(operand.asText(), input, context, operator) : operand;
      return Comparisons.compare(base, value, against);
    };
  }

  /**
   * IsNull, IsNumeric, IsString, IsBoolean and IsTimestamp on a value that exists: the
   * specification exempts only IsPresent from the failure of a Variable that selects nothing.
   */
  private static boolean typeTest(String operator, JsonNode value) {
    switch (operator) {
      case "IsNull":
        return value.isNull();
      case "IsNumeric":
        return value.isNumber();
      case "IsString":
        return value.isTextual();
      case "IsBoolean":
        return value.isBoolean();
      case "IsTimestamp":
        return value.isTextual() && isTimestamp(value.textValue());
      default:
        throw new IllegalArgumentException("unknown type test " + operator);
    }
  }

  static boolean isTimestamp(String text) {
    if (text.indexOf('T') < 0 || (!text.endsWith("Z") && !text.matches(".*[+-]\\d\\d:\\d\\d$"))) {
      return false;
    }
    try {
      OffsetDateTime.parse(text);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private static JsonNode resolveOrNull(String path, JsonNode input, JsonNode context) {
    try {
      return new JsonPathResolver(input, context).resolve(path);
    } catch (IntrinsicFailureException missing) {
      return null;
    }
  }

  private static JsonNode resolve(String path, JsonNode input, JsonNode context, String field) {
    JsonNode value = resolveOrNull(path, input, context);
    if (value == null) {
      throw new StatesException(
          StatesException.RUNTIME,
          "Invalid path '"
              + path
              + "': The choice state's condition path references an invalid"
              + " value. ("
              + field
              + ")");
    }
    return value;
  }

  /** Numeric comparison of two JSON numbers, exactly. */
  static int compareNumbers(JsonNode a, JsonNode b) {
    return new BigDecimal(a.asText()).compareTo(new BigDecimal(b.asText()));
  }
}
