package dev.orderly.stepfunctions.internal.choice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderly.stepfunctions.internal.StatesException;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Choice rules per the States Language specification, "Choice Rules". */
class ChoiceRulesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNode CONTEXT = JSON.createObjectNode();

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean evaluate(String operator, String value, String operand) {
    ObjectNode input = JSON.createObjectNode();
    input.set("v", json(value));
    input.set("other", json(operand));
    ObjectNode rule = JSON.createObjectNode();
    rule.put("Variable", "$.v");
    if (operator.endsWith("Path")) {
      rule.put(operator, "$.other");
    } else {
      rule.set(operator, json(operand));
    }
    return ChoiceRules.parse(rule).test(input, CONTEXT);
  }

  @ParameterizedTest(name = "{1} {0} {2} is {3}")
  @CsvSource(
      delimiter = '|',
      value = {
        "StringEquals             | \"abc\"  | \"abc\"  | true",
        "StringEquals             | \"abc\"  | \"abd\"  | false",
        "StringLessThan           | \"abc\"  | \"abd\"  | true",
        "StringGreaterThan        | \"b\"    | \"abc\"  | true",
        "StringLessThanEquals     | \"abc\"  | \"abc\"  | true",
        "StringGreaterThanEquals  | \"abc\"  | \"abd\"  | false",
        "StringEquals             | 1        | \"1\"    | false",
        "StringEqualsPath         | \"x\"    | \"x\"    | true",
        "StringLessThanPath       | \"a\"    | \"b\"    | true",
        "NumericEquals            | 1        | 1.0      | true",
        "NumericEquals            | 1        | 2        | false",
        "NumericLessThan          | -5.5     | 3        | true",
        "NumericGreaterThan       | 10       | 9.99     | true",
        "NumericLessThanEquals    | 3        | 3        | true",
        "NumericGreaterThanEquals | 2        | 3        | false",
        "NumericEquals            | \"1\"    | 1        | false",
        "NumericGreaterThanPath   | 4        | 3        | true",
        "BooleanEquals            | true     | true     | true",
        "BooleanEquals            | false    | true     | false",
        "BooleanEquals            | \"true\" | true     | false",
        "BooleanEqualsPath        | false    | false    | true",
        "TimestampEquals          | \"2026-01-01T00:00:00Z\"      | \"2026-01-01T01:00:00+01:00\" | true",
        "TimestampLessThan        | \"2026-01-01T00:00:00Z\"      | \"2026-01-01T00:00:01Z\"      | true",
        "TimestampGreaterThan     | \"2026-01-02T00:00:00Z\"      | \"2026-01-01T00:00:00Z\"      | true",
        "TimestampLessThanEquals  | \"2026-01-01T00:00:00Z\"      | \"2026-01-01T00:00:00Z\"      | true",
        "TimestampGreaterThanEquals | \"2025-01-01T00:00:00Z\"    | \"2026-01-01T00:00:00Z\"      | false",
        "TimestampEquals          | \"2026-01-01\"                | \"2026-01-01\"                | false",
        "TimestampGreaterThanPath | \"2026-01-02T00:00:00Z\"      | \"2026-01-01T00:00:00Z\"      | true",
        "StringMatches            | \"log-2026.txt\"              | \"log-*.txt\"                 | true",
        "StringMatches            | \"log-2026.csv\"              | \"log-*.txt\"                 | false",
        "StringMatches            | \"a*b\"                       | \"a\\\\*b\"                   | true",
        "StringMatches            | \"axb\"                       | \"a\\\\*b\"                   | false",
      })
  void comparisons(String operator, String value, String operand, boolean expected) {
    assertThat(evaluate(operator.trim(), value.trim(), operand.trim())).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} on {1} is {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "IsNull      | null                     | true",
        "IsNull      | 0                        | false",
        "IsNumeric   | 1.5                      | true",
        "IsNumeric   | \"1.5\"                  | false",
        "IsString    | \"s\"                    | true",
        "IsBoolean   | false                    | true",
        "IsTimestamp | \"2026-11-27T20:00:00Z\" | true",
        "IsTimestamp | \"2026-11-27\"           | false",
        "IsPresent   | 0                        | true",
      })
  void typeTests(String operator, String value, boolean expected) {
    JsonNode input = json("{\"v\":" + value.trim() + "}");
    JsonNode rule = json("{\"Variable\":\"$.v\",\"" + operator.trim() + "\":true}");

    assertThat(ChoiceRules.parse(rule).test(input, CONTEXT)).isEqualTo(expected);
  }

  @Test
  void isPresent_isFalseForAMissingVariableAndIsPresentFalseMatchesIt() {
    assertThat(
            ChoiceRules.parse(json("{\"Variable\":\"$.nope\",\"IsPresent\":true}"))
                .test(json("{}"), CONTEXT))
        .isFalse();
    assertThat(
            ChoiceRules.parse(json("{\"Variable\":\"$.nope\",\"IsPresent\":false}"))
                .test(json("{}"), CONTEXT))
        .isTrue();
  }

  @Test
  void comparisonOnAMissingVariable_isAStatesRuntimeFailure() {
    ChoiceRule rule = ChoiceRules.parse(json("{\"Variable\":\"$.nope\",\"NumericEquals\":1}"));

    assertThatThrownBy(() -> rule.test(json("{}"), CONTEXT))
        .isInstanceOfSatisfying(
            StatesException.class, e -> assertThat(e.error()).isEqualTo(StatesException.RUNTIME));
  }

  @ParameterizedTest(name = "{0} on a missing Variable")
  @CsvSource({"IsNull", "IsNumeric", "IsString", "IsBoolean", "IsTimestamp"})
  void typeTestOnAMissingVariable_isAStatesRuntimeFailureUnlikeIsPresent(String operator) {
    ChoiceRule rule =
        ChoiceRules.parse(json("{\"Variable\":\"$.nope\",\"" + operator + "\":false}"));

    assertThatThrownBy(() -> rule.test(json("{}"), CONTEXT))
        .isInstanceOfSatisfying(
            StatesException.class, e -> assertThat(e.error()).isEqualTo(StatesException.RUNTIME));
  }

  @Test
  void typeTestWithFalseOperand_matchesAValueOfAnotherType() {
    JsonNode input = json("{\"v\":\"text\"}");

    assertThat(
            ChoiceRules.parse(json("{\"Variable\":\"$.v\",\"IsNumeric\":false}"))
                .test(input, CONTEXT))
        .isTrue();
    assertThat(
            ChoiceRules.parse(json("{\"Variable\":\"$.v\",\"IsString\":false}"))
                .test(input, CONTEXT))
        .isFalse();
  }

  @Test
  void andOrNot_combineRules() {
    JsonNode rule =
        json(
            "{\"And\":[{\"Variable\":\"$.qty\",\"NumericGreaterThan\":0},"
                + "{\"Or\":[{\"Variable\":\"$.tier\",\"StringEquals\":\"gold\"},"
                + "{\"Not\":{\"Variable\":\"$.blocked\",\"BooleanEquals\":true}}]}]}");
    ChoiceRule parsed = ChoiceRules.parse(rule);

    assertThat(parsed.test(json("{\"qty\":2,\"tier\":\"gold\",\"blocked\":true}"), CONTEXT))
        .isTrue();
    assertThat(parsed.test(json("{\"qty\":2,\"tier\":\"basic\",\"blocked\":false}"), CONTEXT))
        .isTrue();
    assertThat(parsed.test(json("{\"qty\":2,\"tier\":\"basic\",\"blocked\":true}"), CONTEXT))
        .isFalse();
    assertThat(parsed.test(json("{\"qty\":0,\"tier\":\"gold\",\"blocked\":false}"), CONTEXT))
        .isFalse();
  }

  @Test
  void contextPaths_canBeCompared() {
    JsonNode rule = json("{\"Variable\":\"$$.Execution.Name\",\"StringMatches\":\"order-*\"}");

    assertThat(
            ChoiceRules.parse(rule)
                .test(json("{}"), json("{\"Execution\":{\"Name\":\"order-7\"}}")))
        .isTrue();
  }
}
