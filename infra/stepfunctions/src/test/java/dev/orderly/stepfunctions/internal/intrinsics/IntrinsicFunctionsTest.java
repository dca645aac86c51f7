package dev.orderly.stepfunctions.internal.intrinsics;

import static dev.orderly.stepfunctions.internal.intrinsics.Intrinsics.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IntrinsicFunctionsTest {
  private final Intrinsics intrinsics = new Intrinsics();

  @Test
  void evaluate_nestsNineFunctionsAsInTheGuide() {
    // The guide's example template is '{}.{}.{}' with two values, which its own placeholder rule
    // rejects; with two placeholders the nine nested calls evaluate.
    String expression =
        "States.Format('{}.{}', States.ArrayGetItem(States.StringSplit(States.ArrayGetItem("
            + "States.StringSplit($.ImageRecipe.Arn, '/'), 2), '.'), 0), States.ArrayGetItem("
            + "States.StringSplit(States.ArrayGetItem(States.StringSplit($.ImageRecipe.Arn, '/'), 2),"
            + " '.'), 1))";
    String input =
        "{\"ImageRecipe\": {\"Arn\":"
            + " \"arn:aws:imagebuilder:us-east-1:123456789012:image-recipe/my.recipe/1.0.0\"}}";

    assertThat(intrinsics.evaluate(expression, input).textValue()).isEqualTo("1.0");
  }

  @Test
  void evaluate_resolvesContextPathsAgainstTheContextObject() {
    JsonNode context = json("{\"Execution\": {\"Id\": \"exec-1\"}}");
    JsonNode input = json("{\"Execution\": {\"Id\": \"from-input\"}}");

    JsonNode result =
        intrinsics.functions.evaluate(
            "States.Format('{}/{}', $$.Execution.Id, $.Execution.Id)",
            new JsonPathResolver(input, context));

    assertThat(result.textValue()).isEqualTo("exec-1/from-input");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "States.Array($)                                | [{\"a\":{\"b c\":1},\"items\":[{\"id\":1,\"ok\":true},{\"id\":2,\"ok\":false}]}]",
        "States.Array($.a['b c'])                       | [1]",
        "States.Array($.items[?(@.ok == true)].id)      | [[1]]",
        "States.Array($.items[*].id, $.items[1].id)     | [[1,2],2]",
        "  States.Array( -1 , -2.5 , true , false , null )  | [-1,-2.5,true,false,null]",
        "States.Array('a,b', 'c)d', 'é')                | [\"a,b\",\"c)d\",\"é\"]",
        "States.Array('$.not.a.path', 'States.UUID()')  | [\"$.not.a.path\",\"States.UUID()\"]",
      })
  void evaluate_parsesLiteralsAndPaths(String expression, String expected) {
    String input =
        "{\"a\": {\"b c\": 1}, \"items\": [{\"id\": 1, \"ok\": true}, {\"id\": 2, \"ok\": false}]}";

    assertThat(intrinsics.evaluate(expression.strip(), input)).isEqualTo(json(expected));
  }

  @Test
  void evaluate_failsWithRuntimeErrorForAPathThatDoesNotResolve() {
    assertThatThrownBy(() -> intrinsics.evaluate("States.ArrayLength($.missing)", "{}"))
        .isInstanceOfSatisfying(
            IntrinsicFailureException.class,
            e -> assertThat(e.errorName()).isEqualTo("States.Runtime"))
        .hasMessageStartingWith("States.ArrayLength:")
        .hasMessageContaining("$.missing");
  }

  @Test
  void evaluate_failsWithRuntimeErrorForAContextPathThatDoesNotResolve() {
    assertThatThrownBy(() -> intrinsics.evaluate("States.Format('{}', $$.Execution.Id)", "{}"))
        .isInstanceOfSatisfying(
            IntrinsicFailureException.class,
            e -> assertThat(e.errorName()).isEqualTo("States.Runtime"))
        .hasMessageContaining("$$.Execution.Id");
  }

  @Test
  void evaluate_rejectsAnUnknownFunction() {
    assertThatThrownBy(() -> intrinsics.evaluate("States.Nope(1)"))
        .isInstanceOfSatisfying(
            IntrinsicFailureException.class,
            e -> assertThat(e.errorName()).isEqualTo("States.IntrinsicFailure"))
        .hasMessage("States.Nope: unknown intrinsic function");
  }

  @Test
  void evaluate_rejectsMoreThanTenFunctionsInOneField() {
    String eleven = "States.Array(".repeat(11) + ")".repeat(11);
    String ten = "States.Array(".repeat(10) + ")".repeat(10);

    assertThat(intrinsics.evaluate(ten).toString()).isEqualTo("[".repeat(9) + "[]" + "]".repeat(9));
    assertThatThrownBy(() -> intrinsics.evaluate(eleven))
        .isInstanceOf(IntrinsicFailureException.class)
        .hasMessageContaining("more than 10 intrinsic functions");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {
        "",
        "$.a",
        "'text'",
        "Format('{}', 1)",
        "States.",
        "States.Array",
        "States.Array(1",
        "States.Array(1,)",
        "States.Array(,1)",
        "States.Array(1 2)",
        "States.Array(1) extra",
        "States.Array('unterminated)",
        "States.Array('bad \\n escape')",
        "States.Array('trailing \\')",
        "States.Array(-)",
        "States.Array(1.)",
        "States.Array(12abc)",
        "States.Array(truthy)",
        "States.Array(nothing)",
        "States.Array($.a[0)",
        "States.Array(99999999999999999999)",
      })
  void evaluate_rejectsMalformedSyntax(String expression) {
    assertThatThrownBy(() -> intrinsics.evaluate(expression, "{\"a\": [1]}"))
        .isInstanceOfSatisfying(
            IntrinsicFailureException.class,
            e -> assertThat(e.errorName()).isEqualTo("States.IntrinsicFailure"))
        .hasMessageStartingWith("Malformed intrinsic function:");
  }
}
