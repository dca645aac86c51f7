package dev.orderly.stepfunctions.internal.intrinsics;

import static dev.orderly.stepfunctions.internal.intrinsics.Intrinsics.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArrayFunctionsTest {
  private static final String NINE = "{\"inputArray\": [1,2,3,4,5,6,7,8,9], \"index\": 5}";

  private final Intrinsics intrinsics = new Intrinsics();

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "States.Array($.Id)                              | [123456]",
        "States.Array('Foo', 2020, $.json, null)         | [\"Foo\",2020,{\"a\":1},null]",
        "States.Array()                                  | []",
        "States.ArrayPartition($.inputArray, 4)          | [[1,2,3,4],[5,6,7,8],[9]]",
        "States.ArrayPartition($.inputArray, 9)          | [[1,2,3,4,5,6,7,8,9]]",
        "States.ArrayPartition($.empty, 2)               | []",
        "States.ArrayPartition($.inputArray, 3.6)        | [[1,2,3,4],[5,6,7,8],[9]]",
        "States.ArrayPartition($.inputArray, 4.4)        | [[1,2,3,4],[5,6,7,8],[9]]",
        "States.ArrayContains($.inputArray, 5)           | true",
        "States.ArrayContains($.inputArray, 5.0)         | true",
        "States.ArrayContains($.inputArray, 10)          | false",
        "States.ArrayContains($.objects, $.json)         | true",
        "States.ArrayRange(1, 9, 2)                      | [1,3,5,7,9]",
        "States.ArrayRange(10, 1, -3)                    | [10,7,4,1]",
        "States.ArrayRange(1, 9, -1)                     | []",
        "States.ArrayGetItem($.inputArray, $.index)      | 6",
        "States.ArrayGetItem($.inputArray, 0)            | 1",
        "States.ArrayLength($.inputArray)                | 9",
        "States.ArrayLength($.empty)                     | 0",
        "States.ArrayUnique($.duplicates)                | [1,2,3,4]",
        "States.ArrayUnique($.objects)                   | [{\"a\":1}]",
      })
  void arrays_followTheDocumentedExamples(String expression, String expected) {
    JsonNode result =
        intrinsics.evaluate(
            expression,
            "{\"Id\": 123456, \"json\": {\"a\": 1}, \"inputArray\": [1,2,3,4,5,6,7,8,9],"
                + " \"index\": 5, \"empty\": [], \"duplicates\": [1,2,3,3,3,3,3,3,4],"
                + " \"objects\": [{\"a\": 1}, {\"a\": 1.0}]}");

    assertThat(result).isEqualTo(json(expected));
  }

  @Test
  void arrayRange_allowsExactly1000Elements() {
    JsonNode result = intrinsics.evaluate("States.ArrayRange(0, 999, 1)");

    assertThat(result.size()).isEqualTo(1000);
    assertThat(result.get(999).intValue()).isEqualTo(999);
  }

  @Test
  void arrayRange_roundsFractionalArguments() {
    assertThat(intrinsics.evaluate("States.ArrayRange(0.6, 3.2, 1.4)")).isEqualTo(json("[1,2,3]"));
  }

  @Test
  void arrayLength_returnsANumber() {
    assertThat(intrinsics.evaluate("States.ArrayLength($.inputArray)", NINE).isNumber()).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "States.ArrayRange(0, 1000, 1)          | 1001 items",
        "States.ArrayRange(1, 9, 0)             | step",
        "States.ArrayRange(1, 9)                | expected 3 argument(s)",
        "States.ArrayRange('1', 9, 1)           | must be a number",
        "States.ArrayPartition($.inputArray, 0) | non-zero, positive",
        "States.ArrayPartition($.inputArray, -2)| non-zero, positive",
        "States.ArrayPartition($.inputArray, 0.4)| non-zero, positive",
        "States.ArrayPartition($.index, 2)      | must be an array",
        "States.ArrayGetItem($.inputArray, 9)   | out of bounds",
        "States.ArrayGetItem($.inputArray, -1)  | out of bounds",
        "States.ArrayGetItem($.inputArray, 1.5) | must be an integer",
        "States.ArrayGetItem($.inputArray)      | expected 2 argument(s)",
        "States.ArrayContains($.index, 5)       | must be an array",
        "States.ArrayLength('abc')              | must be an array",
        "States.ArrayLength($.inputArray, 1)    | expected 1 argument(s)",
        "States.ArrayUnique($.index)            | must be an array",
      })
  void arrays_rejectBadArguments(String expression, String detail) {
    intrinsics.assertFails(expression, NINE, detail);
  }

  @Test
  void arrayRange_rejectsMoreThan1000Elements() {
    assertThatThrownBy(() -> intrinsics.evaluate("States.ArrayRange(1, 2001, 2)"))
        .isInstanceOf(IntrinsicFailureException.class)
        .hasMessageContaining("at most 1000");
  }
}
