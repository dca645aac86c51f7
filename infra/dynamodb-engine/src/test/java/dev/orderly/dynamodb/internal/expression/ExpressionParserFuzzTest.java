package dev.orderly.dynamodb.internal.expression;

import static dev.orderly.dynamodb.internal.expression.TestValues.b;
import static dev.orderly.dynamodb.internal.expression.TestValues.item;
import static dev.orderly.dynamodb.internal.expression.TestValues.l;
import static dev.orderly.dynamodb.internal.expression.TestValues.m;
import static dev.orderly.dynamodb.internal.expression.TestValues.n;
import static dev.orderly.dynamodb.internal.expression.TestValues.ns;
import static dev.orderly.dynamodb.internal.expression.TestValues.s;
import static dev.orderly.dynamodb.internal.expression.TestValues.ss;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.orderly.dynamodb.internal.error.DynamoDbException;
import dev.orderly.dynamodb.internal.value.AttributeValue;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Feeds arbitrary text to the four parsers (and evaluates whatever parses): the only failure
 * allowed is a ValidationException. Plain {@code mvn test} replays the seeds under {@code
 * ExpressionParserFuzzTestInputs/}; run with {@code JAZZER_FUZZ=1} to fuzz.
 */
class ExpressionParserFuzzTest {
  private static final Map<String, String> NAMES = Map.of("#a", "a", "#b", "b", "#s", "size");
  private static final Map<String, AttributeValue> VALUES =
      Map.of(
          ":s", s("abc"),
          ":n", n("5"),
          ":l", l(n("1"), s("x")),
          ":m", m("k", s("v")),
          ":ss", ss("a", "b"),
          ":ns", ns("1"),
          ":b", b(1, 2));
  private static final Map<String, AttributeValue> ITEM =
      item(
          "pk", s("p"),
          "sk", n("1"),
          "a", m("b", l(n("1"), m("c", s("abc")))),
          "b", n("9E+125"),
          "l", l(s("abc"), n("5")),
          "s", ss("a"),
          "size", s("big"));

  @FuzzTest(maxDuration = "60s")
  void parsersFailOnlyWithValidationErrors(byte[] input) {
    String expression = new String(input, StandardCharsets.UTF_8);
    expectValidationOrSuccess(
        () -> {
          Condition condition =
              Expressions.parseCondition(expression, attrs(), "ConditionExpression");
          condition.test(ITEM);
          condition.test(Map.of());
        });
    expectValidationOrSuccess(
        () -> Expressions.parseKeyCondition(expression, attrs()).resolve("pk", "S", "sk", "N"));
    expectValidationOrSuccess(() -> Expressions.parseUpdate(expression, attrs()).apply(ITEM));
    expectValidationOrSuccess(() -> Expressions.parseProjection(expression, attrs()).apply(ITEM));
  }

  private static ExpressionAttributes attrs() {
    return ExpressionAttributes.of(NAMES, VALUES);
  }

  private static void expectValidationOrSuccess(Runnable action) {
    try {
      action.run();
    } catch (DynamoDbException e) {
      assertThat(e.type()).isEqualTo(DynamoDbException.VALIDATION);
      assertThat(e.getMessage()).isNotBlank();
    }
  }
}
