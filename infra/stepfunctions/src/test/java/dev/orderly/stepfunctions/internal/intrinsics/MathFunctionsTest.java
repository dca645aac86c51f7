package dev.orderly.stepfunctions.internal.intrinsics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MathFunctionsTest {
  private final Intrinsics intrinsics = new Intrinsics();

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "States.MathAdd($.value1, $.step)          | 110",
        "States.MathAdd(-5, 3)                     | -2",
        "States.MathAdd(1.4, 1.6)                  | 3",
        "States.MathAdd(2147483647, 1)             | 2147483648",
        "States.MathAdd(States.ArrayLength($.a), 1)| 4",
      })
  void mathAdd_returnsAnIntegerSum(String expression, long expected) {
    JsonNode result =
        intrinsics.evaluate(expression, "{\"value1\": 111, \"step\": -1, \"a\": [1,2,3]}");

    assertThat(result.isIntegralNumber()).isTrue();
    assertThat(result.longValue()).isEqualTo(expected);
  }

  @Test
  void mathRandom_drawsBetweenStartAndEndFromTheInjectedSource() {
    // The injected source answers origin + 42 for every bounded draw.
    JsonNode result =
        intrinsics.evaluate("States.MathRandom($.start, $.end)", "{\"start\": 1, \"end\": 999}");

    assertThat(result.intValue()).isEqualTo(43);
    assertThat(intrinsics.seeds).isEmpty();
  }

  @Test
  void mathRandom_usesTheSeedWhenGiven() {
    JsonNode result = intrinsics.evaluate("States.MathRandom(1, 999, 1234)");

    assertThat(intrinsics.seeds).containsExactly(1234L);
    assertThat(result.intValue()).isEqualTo(8);
  }

  @Test
  void mathRandom_isRepeatableForASeedWithTheDefaultWiring() {
    IntrinsicFunctions defaults = IntrinsicFunctions.withDefaults();
    PathResolver resolver = new JsonPathResolver(Intrinsics.json("{}"), Intrinsics.json("{}"));

    JsonNode first = defaults.evaluate("States.MathRandom(1, 999, 1234)", resolver);
    JsonNode second = defaults.evaluate("States.MathRandom(1, 999, 1234)", resolver);

    assertThat(first).isEqualTo(second);
    assertThat(first.intValue()).isBetween(1, 998);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "States.MathAdd(1)                  | expected 2 argument(s)",
        "States.MathAdd('1', 2)             | must be a number",
        "States.MathAdd(2147483648, 1)      | outside -2147483648..2147483647",
        "States.MathAdd(1, -2147483649)     | outside -2147483648..2147483647",
        "States.MathRandom(5, 5)            | must be less than the end",
        "States.MathRandom(9, 1)            | must be less than the end",
        "States.MathRandom(1)               | expected 2 to 3 argument(s)",
        "States.MathRandom(1, 2, 3, 4)      | expected 2 to 3 argument(s)",
        "States.MathRandom(1, 'x')          | must be a number",
        "States.MathRandom(1, 9, null)      | must be a number",
      })
  void math_rejectsBadArguments(String expression, String detail) {
    intrinsics.assertFails(expression, "{}", detail);
  }
}
