package dev.orderly.dynamodb.internal.expression;

import static dev.orderly.dynamodb.internal.expression.TestValues.n;
import static dev.orderly.dynamodb.internal.expression.TestValues.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderly.dynamodb.internal.error.DynamoDbException;
import dev.orderly.dynamodb.internal.expression.KeyCondition.Operator;
import dev.orderly.dynamodb.internal.expression.KeyCondition.Term;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeyConditionTest {

  private static KeyCondition parse(String expression) {
    return Expressions.parseKeyCondition(expression, TestValues.attrs());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          pk = :s OR sk = :s                  | Invalid operator used in KeyConditionExpression: OR
          NOT pk = :s                         | Invalid operator used in KeyConditionExpression: NOT
          pk IN (:s)                          | Invalid operator used in KeyConditionExpression: IN
          pk <> :s                            | Invalid operator used in KeyConditionExpression: <>
          pk = :s AND attribute_exists(sk)    | Invalid operator used in KeyConditionExpression: attribute_exists
          pk = :s AND attribute_not_exists(sk) | Invalid operator used in KeyConditionExpression: attribute_not_exists
          attribute_type(pk, :typeS)          | Invalid operator used in KeyConditionExpression: attribute_type
          pk = :s AND contains(sk, :s)        | Invalid operator used in KeyConditionExpression: contains
          pk = :s AND size(sk) = :n           | KeyConditionExpressions cannot contain nested operations
          :n BETWEEN :n1 AND :n10             | Invalid condition in KeyConditionExpression: BETWEEN operator must have the key attribute as its first operand
          size(sk) BETWEEN :n1 AND :n10       | Invalid condition in KeyConditionExpression: BETWEEN operator must have the key attribute as its first operand
          begins_with(:s, sk)                 | Invalid condition in KeyConditionExpression: begins_with operator must have the key attribute as its first operand
          pk = sk                             | Invalid condition in KeyConditionExpression: Multiple attribute names used in one condition
          pk.a = :s                           | KeyConditionExpressions cannot have conditions on nested attributes
          :s = :s2                            | Invalid condition in KeyConditionExpression: No key attribute specified
          pk = :s AND pk = :s2                | KeyConditionExpressions must only contain one condition per key
          pk = :t                             | One or more parameter values were invalid: ComparisonOperator EQ is not valid for BOOL AttributeValue type
          pk = :l                             | One or more parameter values were invalid: ComparisonOperator EQ is not valid for L AttributeValue type
          sk < :ss                            | One or more parameter values were invalid: ComparisonOperator LT is not valid for SS AttributeValue type
          a = :s AND b = :s AND c = :s        | Conditions can be of length 1 or 2 only
          pk = :s AND (sk = :s OR sk = :s2)   | Invalid operator used in KeyConditionExpression: OR
          """)
  void keyCondition_unsupportedShapesAreRejected(String expression, String message) {
    assertThatThrownBy(() -> parse(expression))
        .isInstanceOf(DynamoDbException.class)
        .hasMessage(message);
  }

  @Test
  void keyCondition_parseErrorsArePrefixed() {
    assertThatThrownBy(() -> parse("pk = :zz"))
        .hasMessage(
            "Invalid KeyConditionExpression: An expression attribute value used in expression is"
                + " not defined; attribute value: :zz");
  }

  @Test
  void keyCondition_termsKeepExpressionOrder() {
    KeyCondition condition = parse("#pk = :s AND sk BETWEEN :n1 AND :n10");
    assertThat(condition.terms())
        .containsExactly(
            new Term("pk", Operator.EQ, List.of(s("abc"))),
            new Term("sk", Operator.BETWEEN, List.of(n("1"), n("10"))));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          sk = :n              | EQ
          sk < :n              | LT
          sk <= :n             | LE
          sk > :n              | GT
          sk >= :n             | GE
          :n = sk              | EQ
          :n < sk              | GT
          :n <= sk             | GE
          :n > sk              | LT
          :n >= sk             | LE
          begins_with(sk, :s)  | BEGINS_WITH
          """)
  void keyCondition_valueFirstComparisonsAreFlipped(String expression, Operator operator) {
    Term term = parse("pk = :s AND " + expression).term("sk").orElseThrow();
    assertThat(term.operator()).isEqualTo(operator);
    assertThat(term.values()).hasSize(1);
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          sk = :n                | 5  | true
          sk = :n                | 6  | false
          sk < :n                | 4  | true
          sk < :n                | 5  | false
          sk <= :n               | 5  | true
          sk > :n                | 6  | true
          sk >= :n               | 4  | false
          sk BETWEEN :n1 AND :n  | 1  | true
          sk BETWEEN :n1 AND :n  | 5  | true
          sk BETWEEN :n1 AND :n  | 6  | false
          """)
  void keyCondition_sortConditionTestsValues(String expression, String value, boolean expected) {
    KeyCondition.Resolved resolved =
        parse("pk = :s AND " + expression).resolve("pk", "S", "sk", "N");
    assertThat(resolved.partitionKeyName()).isEqualTo("pk");
    assertThat(resolved.partitionValue()).isEqualTo(s("abc"));
    assertThat(resolved.test(n(value))).isEqualTo(expected);
  }

  @Test
  void keyCondition_beginsWithTestsPrefixes() {
    KeyCondition.Resolved resolved =
        parse("begins_with(sk, :ab) AND pk = :n").resolve("pk", "N", "sk", "S");
    assertThat(resolved.test(s("abc"))).isTrue();
    assertThat(resolved.test(s("b"))).isFalse();
    assertThat(resolved.partitionValue()).isEqualTo(n("5"));
  }

  @Test
  void keyCondition_partitionKeyAloneMatchesEverySortKey() {
    KeyCondition.Resolved resolved = parse("pk = :s").resolve("pk", "S", "sk", "N");
    assertThat(resolved.sortCondition()).isEmpty();
    assertThat(resolved.test(n("1"))).isTrue();
  }

  @ParameterizedTest(name = "{0} on {1}/{2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          sk = :n               | pk:S | sk:N | Query condition missed key schema element: pk
          pk = :n               | pk:S | sk:N | One or more parameter values were invalid: Condition parameter type does not match schema type
          pk < :s               | pk:S | sk:N | Query key condition not supported
          pk = :s AND sk = :n   | pk:S |      | Query key condition not supported
          pk = :s AND x = :n    | pk:S | sk:N | Query condition missed key schema element: sk
          pk = :s AND sk = :s   | pk:S | sk:N | One or more parameter values were invalid: Condition parameter type does not match schema type
          """)
  void keyCondition_schemaMismatchIsRejected(
      String expression, String hash, String range, String message) {
    String[] h = hash.split(":");
    String[] r = range == null ? new String[] {null, null} : range.split(":");
    KeyCondition condition = parse(expression);
    assertThatThrownBy(() -> condition.resolve(h[0], h[1], r[0], r[1])).hasMessage(message);
  }

  @Test
  void keyCondition_unusedPlaceholdersAreCheckedBetweenParseAndConversion() {
    ExpressionAttributes attrs =
        ExpressionAttributes.of(Map.of("#u", "u"), Map.of(":v", s("x"), ":w", s("y")));
    Condition parsed = Expressions.parseKeyConditionExpression("pk = :v OR pk = :w", attrs);
    assertThatThrownBy(attrs::checkAllUsed)
        .hasMessage("Value provided in ExpressionAttributeNames unused in expressions: keys: {#u}");
    assertThatThrownBy(() -> KeyCondition.from(parsed))
        .hasMessage("Invalid operator used in KeyConditionExpression: OR");
  }
}
