package dev.orderly.stepfunctions.internal.choice;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;

/** The comparison operators without their Path suffix; a type mismatch compares false. */
final class Comparisons {
  private Comparisons() {}

  static boolean compare(String operator, JsonNode value, JsonNode operand) {
    if (operator.startsWith("String")) {
      if (!value.isTextual() || !operand.isTextual()) {
        return false;
      }
      String a = value.textValue();
      String b = operand.textValue();
      if (operator.equals("StringMatches")) {
        return matches(a, b);
      }
      return ordered(operator.substring("String".length()), a.compareTo(b));
    }
    if (operator.startsWith("Numeric")) {
      if (!value.isNumber() || !operand.isNumber()) {
        return false;
      }
      return ordered(
          operator.substring("Numeric".length()), ChoiceRules.compareNumbers(value, operand));
    }
    if (operator.equals("BooleanEquals")) {
      return value.isBoolean()
          && operand.isBoolean()
          && value.booleanValue() == operand.booleanValue();
    }
    if (operator.startsWith("Timestamp")) {
      if (!value.isTextual()
          || !operand.isTextual()
          || !ChoiceRules.isTimestamp(value.textValue())
          || !ChoiceRules.isTimestamp(operand.textValue())) {
        return false;
      }
      int order =
          OffsetDateTime.parse(value.textValue())
              .toInstant()
              .compareTo(OffsetDateTime.parse(operand.textValue()).toInstant());
      return ordered(operator.substring("Timestamp".length()), order);
    }
    throw new IllegalArgumentException("unknown comparison operator " + operator);
  }

  private static boolean ordered(String relation, int order) {
    switch (relation) {
      case "Equals":
        return order == 0;
      case "LessThan":
        return order < 0;
      case "GreaterThan":
        return order > 0;
      case "LessThanEquals":
        return order <= 0;
      case "GreaterThanEquals":
        return order >= 0;
      default:
        throw new IllegalArgumentException("unknown comparison " + relation);
    }
  }

  /** StringMatches: {@code *} matches any run of characters; {@code \*} and {@code \\} escape. */
  static boolean matches(String text, String pattern) {
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\\' && i + 1 < pattern.length()) {
        regex.append(java.util.regex.Pattern.quote(String.valueOf(pattern.charAt(++i))));
      } else if (c == '*') {
        regex.append(".*");
      } else {
        regex.append(java.util.regex.Pattern.quote(String.valueOf(c)));
      }
    }
    return text.matches("(?s)" + regex);
  }
}
