package dev.orderly.stepfunctions.internal.intrinsics;

import static dev.orderly.stepfunctions.internal.intrinsics.Intrinsics.json;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonFunctionsTest {
  private static final String INPUT =
      "{\"escapedJsonString\": \"{\\\"foo\\\": \\\"bar\\\"}\", \"unescapedJson\": {\"foo\": \"bar\"},"
          + " \"json1\": {\"a\": {\"a1\": 1, \"a2\": 2}, \"b\": 2},"
          + " \"json2\": {\"a\": {\"a3\": 1, \"a4\": 2}, \"c\": 3},"
          + " \"number\": 12, \"list\": [1, \"two\", null]}";

  private final Intrinsics intrinsics = new Intrinsics();

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "States.StringToJson($.escapedJsonString)     | {\"foo\": \"bar\"}",
        "States.StringToJson('[1, 2.5, true, null]')   | [1, 2.5, true, null]",
        "States.StringToJson('42')                     | 42",
        "States.JsonMerge($.json1, $.json2, false)     | {\"a\": {\"a3\": 1, \"a4\": 2}, \"b\": 2, \"c\": 3}",
        "States.JsonMerge($.json1, States.StringToJson('\\{\\}'), false) | {\"a\": {\"a1\": 1, \"a2\": 2}, \"b\": 2}",
        "States.StringToJson(States.JsonToString($.list)) | [1, \"two\", null]",
      })
  void json_followsTheDocumentedExamples(String expression, String expected) {
    assertThat(intrinsics.evaluate(expression, INPUT)).isEqualTo(json(expected));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "States.JsonToString($.unescapedJson) | {\"foo\":\"bar\"}",
        "States.JsonToString($.number)        | 12",
        "States.JsonToString($.list)          | [1,\"two\",null]",
        "States.JsonToString('text')          | \"text\"",
      })
  void jsonToString_returnsCompactJsonText(String expression, String expected) {
    assertThat(intrinsics.evaluate(expression, INPUT).textValue()).isEqualTo(expected);
  }

  @Test
  void jsonMerge_leavesItsInputsUntouched() {
    intrinsics.evaluate("States.JsonMerge($.json1, $.json2, false)", INPUT);

    assertThat(intrinsics.evaluate("States.JsonToString($.json1)", INPUT).textValue())
        .isEqualTo("{\"a\":{\"a1\":1,\"a2\":2},\"b\":2}");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "States.StringToJson('\\{\"foo\": ')          | not valid JSON",
        "States.StringToJson('\\{\\} trailing')       | not valid JSON",
        "States.StringToJson('')                      | not valid JSON",
        "States.StringToJson($.number)                | must be a string",
        "States.StringToJson('1', '2')                | expected 1 argument(s)",
        "States.JsonToString()                        | expected 1 argument(s)",
        "States.JsonMerge($.json1, $.json2, true)     | deep merging is not supported",
        "States.JsonMerge($.json1, $.json2, 'false')  | must be a boolean",
        "States.JsonMerge($.json1, $.list, false)     | must be an object",
        "States.JsonMerge($.number, $.json2, false)   | must be an object",
        "States.JsonMerge($.json1, $.json2)           | expected 3 argument(s)",
      })
  void json_rejectsBadArguments(String expression, String detail) {
    intrinsics.assertFails(expression, INPUT, detail);
  }
}
