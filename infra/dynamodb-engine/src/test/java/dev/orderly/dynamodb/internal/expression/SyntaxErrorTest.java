package dev.orderly.dynamodb.internal.expression;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderly.dynamodb.internal.error.DynamoDbException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Syntax errors use DynamoDB's wording: the offending token and the text from the token before it
 * to the token after it (to the end of input at end of input).
 */
class SyntaxErrorTest {

  private static void assertSyntaxError(
      String parameter, Runnable parse, String token, String near) {
    assertThatThrownBy(parse::run)
        .isInstanceOf(DynamoDbException.class)
        .hasMessage(
            "Invalid "
                + parameter
                + ": Syntax error; token: \""
                + token
                + "\", near: \""
                + near
                + "\"");
  }

  @ParameterizedTest(name = "[{0}]")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          a =                      | <EOF> | =
          a == :v                  | =     | == :v
          a = :v AND               | <EOF> | AND
          attribute_type()         | )     | ()
          a = :v :w                | :w    | :v :w
          a BETWEEN :x             | <EOF> | :x
          a BETWEEN :x OR :y       | OR    | :x OR :y
          NOT NOT a = :v           | NOT   | NOT NOT a
          a = 5                    | 5     | = 5
          a = :v OR b              | <EOF> | b
          (a = :v                  | <EOF> | :v
          a = :v)                  | )     | :v)
          a.b. = :v                | =     | . = :v
          a[x] = :v                | x     | [x]
          a[] = :v                 | ]     | [] =
          a IN ()                  | )     | ()
          a ! :v                   | !     | a ! :v
          a = :                    | :     | = :
          # = :v                   | #     | # =
          a = :v AND (b)           | <EOF> | )
          a <> b c                 | c     | b c
          a = :v AND and = :v      | and   | AND and =
          (a).b = :v               | .     | ).b
          a IN :v                  | :v    | IN :v
          contains(a, :v) b        | b     | ) b
          a = :v ; b = :v          | ;     | :v ; b
          a = :v AND NOT           | <EOF> | NOT
          """)
  void syntax_conditionErrorsNameTokenAndContext(String expression, String token, String near) {
    assertSyntaxError(
        "ConditionExpression",
        () -> Expressions.parseCondition(expression, TestValues.attrs(), "ConditionExpression"),
        token,
        near);
  }

  @ParameterizedTest(name = "[{0}]")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          SET                          | <EOF>   | SET
          ADD hits : incr              | :       | hits : incr
          INVALID SYNTAX HERE          | INVALID | INVALID SYNTAX
          SET a = :v +                 | <EOF>   | +
          SET numx = numx / :v         | /       | numx / :v
          SET x = list_append(x, 0)    | 0       | , 0)
          SET a = b + c + d            | +       | c + d
          SET a = :v,                  | <EOF>   | ,
          REMOVE a = :v                | =       | a = :v
          SET add = :v                 | add     | SET add =
          SET a = :v REMOVE            | <EOF>   | REMOVE
          ADD a b                      | b       | a b
          SET a = (b                   | <EOF>   | b
          SET a = if_not_exists(b :v)  | :v      | b :v)
          UPDATE a = :v                | UPDATE  | UPDATE a
          """)
  void syntax_updateErrorsNameTokenAndContext(String expression, String token, String near) {
    assertSyntaxError(
        "UpdateExpression",
        () -> Expressions.parseUpdate(expression, TestValues.attrs()),
        token,
        near);
  }

  @ParameterizedTest(name = "[{0}]")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          a,      | <EOF> | ,
          a b     | b     | a b
          l[a]    | a     | [a]
          :v      | :v    | :v
          a..b    | .     | ..b
          a[-1]   | -     | [-1
          """)
  void syntax_projectionErrorsNameTokenAndContext(String expression, String token, String near) {
    assertSyntaxError(
        "ProjectionExpression",
        () -> Expressions.parseProjection(expression, TestValues.attrs()),
        token,
        near);
  }

  @ParameterizedTest(name = "[{0}]")
  @ValueSource(strings = {"", " ", " \t\r\n"})
  void syntax_emptyExpressionIsRejected(String expression) {
    String message = "The expression can not be empty;";
    assertThatThrownBy(
            () -> Expressions.parseCondition(expression, TestValues.attrs(), "FilterExpression"))
        .hasMessage("Invalid FilterExpression: " + message);
    assertThatThrownBy(() -> Expressions.parseUpdate(expression, TestValues.attrs()))
        .hasMessage("Invalid UpdateExpression: " + message);
    assertThatThrownBy(() -> Expressions.parseProjection(expression, TestValues.attrs()))
        .hasMessage("Invalid ProjectionExpression: " + message);
    assertThatThrownBy(() -> Expressions.parseKeyCondition(expression, TestValues.attrs()))
        .hasMessage("Invalid KeyConditionExpression: " + message);
  }

  @ParameterizedTest(name = "{0} levels")
  @ValueSource(ints = {33, 1000, 100_000})
  void syntax_deepNestingIsRejectedWithoutOverflow(int depth) {
    String message = "Nesting Levels have exceeded supported limits";
    String parens = "(".repeat(depth) + "a = :n" + ")".repeat(depth);
    assertThatThrownBy(
            () -> Expressions.parseCondition(parens, TestValues.attrs(), "ConditionExpression"))
        .hasMessage("Invalid ConditionExpression: " + message);
    String calls = "size(".repeat(depth) + "a" + ")".repeat(depth) + " = :n";
    assertThatThrownBy(
            () -> Expressions.parseCondition(calls, TestValues.attrs(), "ConditionExpression"))
        .hasMessage("Invalid ConditionExpression: " + message);
    String update = "SET a = " + "(".repeat(depth) + ":n" + ")".repeat(depth);
    assertThatThrownBy(() -> Expressions.parseUpdate(update, TestValues.attrs()))
        .hasMessage("Invalid UpdateExpression: " + message);
  }

  @ParameterizedTest(name = "{0} levels")
  @ValueSource(ints = {32, 33})
  void syntax_nestingUpTo32LevelsIsAccepted(int depth) {
    StringBuilder expression = new StringBuilder("a = :n");
    for (int i = 0; i < depth; i++) {
      expression = new StringBuilder("a = :n AND (").append(expression).append(")");
    }
    String text = expression.toString();
    if (depth <= TokenCursor.MAX_NESTING) {
      assertThatCode(() -> Expressions.parseCondition(text, TestValues.attrs(), "FilterExpression"))
          .doesNotThrowAnyException();
    } else {
      assertThatThrownBy(
              () -> Expressions.parseCondition(text, TestValues.attrs(), "FilterExpression"))
          .hasMessage("Invalid FilterExpression: Nesting Levels have exceeded supported limits");
    }
  }
}
