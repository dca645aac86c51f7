package dev.orderly.stepfunctions.internal.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderly.stepfunctions.internal.validation.PathSyntax.Use;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Path syntax per use. The verdicts table is asl-path-validator 0.16.1's (the parser asl-validator
 * 4.0.0 uses), obtained by running its {@code validatePath} on each path for the uses Path,
 * reference path, ResultPath and payload template (Y valid, n not), in that order — except the
 * leniencies below, where it rejects what AWS accepts.
 */
class PathSyntaxTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "`$` | YYYY",
        "`$$` | YYYY",
        "`$.a` | YYYY",
        "`$.a.b` | YYYY",
        "`$['a']` | YYYY",
        "`$[\"a\"]` | YYYY",
        "`$.a[0]` | YYYY",
        "`$.a[-1]` | YnnY",
        "`$.a[0,1]` | YnnY",
        "`$.a[*]` | YnnY",
        "`$.a.*` | YnnY",
        "`$..a` | YnnY",
        "`$..[0]` | YnnY",
        "`$.a[1:2]` | YnnY",
        "`$.a[:2]` | YnnY",
        "`$.a[1:]` | YnnY",
        "`$.a[?(@.x > 1)]` | YnnY",
        "`$.a[?(@.x == 'y')]` | YnnY",
        "`$.a[(@.length-1)]` | YnnY",
        "`$$.Task.Token` | YYYY",
        "`$$.Map.Item.Value` | YYYY",
        "`$$foo` | nnnn",
        "`$x` | YYnY",
        "`$x.y` | YYnY",
        "`$x[0]` | YYnY",
        "`@.a` | nnnn",
        "`a` | nnnn",
        "`$.` | nnnn",
        "`$.a[` | nnnn",
        "`$.a b` | nnnn",
        "`$.a ` | YYYY",
        "` $.a` | nnnn",
        "`$.a.b.c[12].d` | YYYY",
        "`$.a['b c']` | YYYY",
        "`$.a\\.b` | YYYY",
        "`$.a-b` | YYYY",
        "`$.a$b` | YYYY",
        "`$.a(b)` | nnnn",
        "`States.Array($.a)` | nnnY",
        "`States.Format('{}', $.a)` | nnnY",
        "`States.Format('{} {}', $.a, 'x')` | nnnY",
        "`States.Format(\"{}\", 1)` | nnnY",
        "`States.Format('it\\'s {}', $.a)` | nnnY",
        "`States.UUID()` | nnnY",
        "`States.UUID($.a)` | nnnn",
        "`States.ArrayLength($.a)` | nnnY",
        "`States.ArrayLength($.a, $.b)` | nnnn",
        "`States.MathAdd($.a, 1)` | nnnY",
        "`States.MathAdd($.a, -1)` | nnnY",
        "`States.MathAdd($.a, $.b)` | nnnY",
        "`States.MathAdd(1, 2)` | nnnY",
        "`States.MathAdd($.a)` | nnnn",
        "`States.Nope($.a)` | nnnn",
        "`States.JsonToString($)` | nnnY",
        "`States.StringToJson($.s)` | nnnY",
        "`States.Hash($.a, 'SHA-256')` | nnnY",
        "`States.ArrayRange(1, 10, 2)` | nnnY",
        "`States.ArrayGetItem($.a, $.i)` | nnnY",
        "`States.Array()` | nnnY",
        "`States.Format('{}', States.Array($.a))` | nnnY",
        "`States.Format('{}',$.a)` | nnnY",
        "`States.Format('{}' , $.a)` | nnnY",
        "`States.Format( '{}', $.a )` | nnnY",
        "`States.Format('{}', $$.Execution.Id)` | nnnY",
        "`States.Format('{}', $x)` | nnnY",
        "`States.Format('{}', true, null)` | nnnY",
        "`$.a[$.b]` | YYYY",
        "`$.a[?(@.price < 10)]` | YnnY",
        "`$.store.book[?(@.author)]` | YnnY",
        "`$.a.length()` | nnnn",
        "`$[0]` | YYYY",
        "`$[*]` | YnnY",
      })
  void verdicts_matchAslPathValidator(String path, String verdicts) {
    Use[] uses = {Use.PATH, Use.REFERENCE_PATH, Use.RESULT_PATH, Use.PAYLOAD_TEMPLATE};
    StringBuilder ours = new StringBuilder();
    for (Use use : uses) {
      ours.append(PathSyntax.problem(path, use) == null ? 'Y' : 'n');
    }

    assertThat(ours.toString()).isEqualTo(verdicts);
  }

  /** Where asl-path-validator rejects what AWS accepts: fractions and escaped backslashes. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "`States.Format('{}', 1.5)`",
        "`States.Format('a\\\\b {}', $.a)`",
        "`States.Format('{} {}', $.a , $.b)`",
      })
  void intrinsicArguments_acceptWhatAwsAccepts(String call) {
    assertThat(PathSyntax.problem(call, Use.PAYLOAD_TEMPLATE)).isNull();
  }

  @ParameterizedTest(name = "{0} as {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "$.a[ | PATH | is not a valid JSONPath: $.a[",
        "$.a[ | REFERENCE_PATH | is not a valid reference path: $.a[",
        "States.Array($.a) | PATH | must be a path, not an intrinsic function: States.Array($.a)",
        "$..a | REFERENCE_PATH | must be a reference path to a single node, was $..a",
        "$x | RESULT_PATH | must not name a variable: $x",
        "foo | PAYLOAD_TEMPLATE | must be a JSONPath or an intrinsic function call, was foo",
      })
  void problems_sayWhatIsWrong(String path, Use use, String message) {
    assertThat(PathSyntax.problem(path, use)).isEqualTo(message);
  }
}
