package dev.orderly.stepfunctions.internal.intrinsics;

import static dev.orderly.stepfunctions.internal.intrinsics.Intrinsics.json;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StringFunctionsTest {
  private static final String INPUT =
      "{\"name\": \"Arnav\", \"template\": \"Hello, my name is {}.\", \"n\": 3, \"obj\": {\"k\": [1]},"
          + " \"inputString\": \"1,2,3,4,5\", \"splitter\": \",\","
          + " \"words\": \"This.is+a,test=string\", \"seps\": \".+,=\"}";

  private final Intrinsics intrinsics = new Intrinsics();

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "States.Format('Hello, my name is {}.', $.name) | Hello, my name is Arnav.",
        "States.Format($.template, $.name)               | Hello, my name is Arnav.",
        "States.Format('{} and {}', 'first', 'second')   | first and second",
        "States.Format('no placeholders')                | no placeholders",
        "States.Format('{}-{}-{}-{}', $.n, true, null, 1.5) | 3-true-null-1.5",
        "States.Format('obj={}', $.obj)                  | obj={\"k\":[1]}",
        "States.Format('\\{\\} stays, {} fills', 'x')    | {} stays, x fills",
        "States.Format('it\\'s {}', 'mine')              | it's mine",
        "States.Format('back\\\\slash {}', 1)            | back\\slash 1",
      })
  void format_replacesPlaceholdersInOrder(String expression, String expected) {
    assertThat(intrinsics.evaluate(expression, INPUT).textValue()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "States.StringSplit($.inputString, $.splitter) | [\"1\",\"2\",\"3\",\"4\",\"5\"]",
        "States.StringSplit($.words, $.seps)           | [\"This\",\"is\",\"a\",\"test\",\"string\"]",
        "States.StringSplit('a,,b,', ',')              | [\"a\",\"b\"]",
        "States.StringSplit('abc', ',')                | [\"abc\"]",
        "States.StringSplit('', ',')                   | []",
      })
  void stringSplit_splitsOnEveryDelimiterCharacter(String expression, String expected) {
    assertThat(intrinsics.evaluate(expression, INPUT)).isEqualTo(json(expected));
  }

  @Test
  void uuid_returnsTheInjectedIdAsText() {
    assertThat(intrinsics.evaluate("States.UUID()").textValue())
        .isEqualTo("ca4c1140-dcc1-40cd-ad05-7b4aa23df4a8");
  }

  @Test
  void uuid_withDefaultsIsAVersion4Uuid() {
    String id =
        IntrinsicFunctions.withDefaults()
            .evaluate("States.UUID()", new JsonPathResolver(json("{}"), json("{}")))
            .textValue();

    assertThat(java.util.UUID.fromString(id).version()).isEqualTo(4);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "States.Format('{} {}', 'one')          | 2 placeholder(s) but 1 value(s)",
        "States.Format('{}', 'one', 'two')      | 1 placeholder(s) but 2 value(s)",
        "States.Format('\\{\\}', 'one')         | 0 placeholder(s) but 1 value(s)",
        "States.Format($.template)              | 1 placeholder(s) but 0 value(s)",
        "States.Format()                        | expected a template string",
        "States.Format($.n, 1)                  | must be a string",
        "States.StringSplit('a,b')              | expected 2 argument(s)",
        "States.StringSplit($.n, ',')           | must be a string",
        "States.StringSplit('a,b', 1)           | must be a string",
        "States.StringSplit('a,b', '')          | delimiter must not be empty",
        "States.UUID('seed')                    | expected 0 argument(s)",
      })
  void strings_rejectBadArguments(String expression, String detail) {
    intrinsics.assertFails(expression, INPUT, detail);
  }
}
