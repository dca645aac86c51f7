package dev.orderly.stepfunctions.internal.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The rules of a Choice state, as asl-validator's choice schema shapes them: a rule is either a
 * boolean expression (exactly one of And, Or, Not, nesting rules) or a data test (a Variable
 * holding a reference path and exactly one comparison operator whose value has the operator's
 * type); a top-level rule has a Next naming a state of the same scope.
 */
final class ChoiceRuleChecks {
  private static final List<String> BOOLEAN = List.of("And", "Or", "Not");

  /** Every comparison operator with the type of its value: boolean, number, string or path. */
  private static final Map<String, String> OPERATORS = new LinkedHashMap<>();

  static {
    for (String test :
        List.of("IsNull", "IsPresent", "IsBoolean", "IsNumeric", "IsString", "IsTimestamp")) {
      OPERATORS.put(test, "boolean");
    }
    OPERATORS.put("BooleanEquals", "boolean");
    OPERATORS.put("BooleanEqualsPath", "path");
    OPERATORS.put("StringMatches", "string");
    for (String family : List.of("Numeric", "String", "Timestamp")) {
      for (String comparison :
          List.of("Equals", "GreaterThan", "GreaterThanEquals", "LessThan", "LessThanEquals")) {
        OPERATORS.put(family + comparison, family.equals("Numeric") ? "number" : "string");
        OPERATORS.put(family + comparison + "Path", "path");
      }
    }
  }

  private ChoiceRuleChecks() {}

  /** Checks the Choices of a Choice state; {@code isState} tells whether a Next names a state. */
  static void choices(Reporter r, JsonNode choices, Predicate<String> isState) {
    if (choices == null) {
      return;
    }
    if (!choices.isArray() || choices.isEmpty()) {
      r.report("Choices", "must be a non-empty array");
      return;
    }
    for (int i = 0; i < choices.size(); i++) {
      Reporter at = r.in("Choices[" + i + "]");
      JsonNode choice = choices.get(i);
      if (choice.isObject()) {
        next(at, choice, isState);
      }
      rule(at, choice);
    }
  }

  private static void next(Reporter r, JsonNode choice, Predicate<String> isState) {
    JsonNode next = choice.get("Next");
    if (next == null) {
      r.report("Next", "is required");
    } else if (!next.isTextual()) {
      r.report("Next", "must be a string");
    } else if (!isState.test(next.textValue())) {
      r.report("Next", "names no state: " + next.textValue());
    }
    if (choice.has("Assign")) {
      FieldKind.PAYLOAD_TEMPLATE.check(r, "Assign", choice.get("Assign"));
    }
  }

  private static void rule(Reporter r, JsonNode rule) {
    if (!rule.isObject()) {
      r.subject("must be an object");
      return;
    }
    List<String> booleans = present(rule, BOOLEAN);
    List<String> comparisons = present(rule, OPERATORS.keySet());
    if (!booleans.isEmpty() && !comparisons.isEmpty()) {
      r.subject("cannot have both " + booleans.get(0) + " and " + comparisons.get(0));
    } else if (booleans.size() > 1) {
      r.subject("must have one of And, Or and Not, not " + String.join(" and ", booleans));
    } else if (booleans.size() == 1) {
      nested(r, booleans.get(0), rule.get(booleans.get(0)));
    } else {
      dataTest(r, rule, comparisons);
    }
  }

  private static void nested(Reporter r, String operator, JsonNode value) {
    if (operator.equals("Not")) {
      rule(r.in("Not"), value);
    } else if (!value.isArray() || value.isEmpty()) {
      r.report(operator, "must be a non-empty array of rules");
    } else {
      for (int i = 0; i < value.size(); i++) {
        rule(r.in(operator + "[" + i + "]"), value.get(i));
      }
    }
  }

  private static void dataTest(Reporter r, JsonNode rule, List<String> comparisons) {
    JsonNode variable = rule.get("Variable");
    if (variable == null) {
      r.report("Variable", "is required");
    } else {
      FieldKind.REFERENCE_PATH.check(r, "Variable", variable);
    }
    if (comparisons.isEmpty()) {
      r.subject("needs a comparison operator (such as StringEquals) or And, Or or Not");
      return;
    }
    if (comparisons.size() > 1) {
      r.subject("must have one comparison operator, not " + String.join(" and ", comparisons));
      return;
    }
    String operator = comparisons.get(0);
    JsonNode value = rule.get(operator);
    switch (OPERATORS.get(operator)) {
      case "boolean":
        if (!value.isBoolean()) {
          r.report(operator, "must be true or false");
        }
        break;
      case "number":
        if (!value.isNumber()) {
          r.report(operator, "must be a number");
        }
        break;
      case "string":
        FieldKind.STRING.check(r, operator, value);
        break;
      default:
        FieldKind.REFERENCE_PATH.check(r, operator, value);
        break;
    }
  }

  private static List<String> present(JsonNode rule, Iterable<String> names) {
    List<String> present = new ArrayList<>();
    for (String name : names) {
      if (rule.has(name)) {
        present.add(name);
      }
    }
    return present;
  }
}
