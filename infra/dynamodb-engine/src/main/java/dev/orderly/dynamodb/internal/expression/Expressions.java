package dev.orderly.dynamodb.internal.expression;

import java.util.Objects;

/**
 * Entry points for DynamoDB's expression language. Every parse error is a {@code
 * ValidationException} prefixed "Invalid {parameter}: "; names and values used are recorded in the
 * {@link ExpressionAttributes} so that {@link ExpressionAttributes#checkAllUsed()} can report the
 * unused ones once all of a request's expressions are parsed.
 */
public final class Expressions {
  private Expressions() {}

  /**
   * Parses a condition.
   *
   * @param parameterName "ConditionExpression" or "FilterExpression", for error messages
   */
  public static Condition parseCondition(
      String expression, ExpressionAttributes attrs, String parameterName) {
    Objects.requireNonNull(expression, "expression");
    return ConditionParser.parse(expression, attrs, parameterName);
  }

  /**
   * Parses a KeyConditionExpression as a condition only ("Invalid KeyConditionExpression: ..."
   * errors); {@link KeyCondition#from} then reduces it to key conditions. DynamoDB reports unused
   * placeholders between the two steps.
   */
  public static Condition parseKeyConditionExpression(
      String expression, ExpressionAttributes attrs) {
    return parseCondition(expression, attrs, "KeyConditionExpression");
  }

  /** Parses a KeyConditionExpression and reduces it to key conditions in one step. */
  public static KeyCondition parseKeyCondition(String expression, ExpressionAttributes attrs) {
    return KeyCondition.from(parseKeyConditionExpression(expression, attrs));
  }

  public static Update parseUpdate(String expression, ExpressionAttributes attrs) {
    Objects.requireNonNull(expression, "expression");
    return UpdateParser.parse(expression, attrs);
  }

  public static Projection parseProjection(String expression, ExpressionAttributes attrs) {
    Objects.requireNonNull(expression, "expression");
    return ProjectionParser.parse(expression, attrs);
  }
}
