package dev.orderly.dynamodb.internal.ops;

import dev.orderly.dynamodb.internal.error.ConditionalCheckFailedException;
import dev.orderly.dynamodb.internal.expression.Condition;
import dev.orderly.dynamodb.internal.expression.Update;
import dev.orderly.dynamodb.internal.table.PrimaryKey;
import dev.orderly.dynamodb.internal.table.Table;
import dev.orderly.dynamodb.internal.value.AttributeValue;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A validated write waiting for the item it applies to: a put, an update, a delete or a bare
 * condition check. Single-item operations and transactions share it, so both validate and evaluate
 * conditions identically.
 */
record PreparedWrite(
    Kind kind,
    Table table,
    PrimaryKey key,
    Map<String, AttributeValue> keyAttributes,
    Condition condition,
    boolean returnOldOnFailure,
    UnaryOperator<Map<String, AttributeValue>> change,
    Update update) {

  enum Kind {
    PUT,
    UPDATE,
    DELETE,
    CONDITION_CHECK
  }

  /**
   * The item after this write, given the current one; throws when the condition fails. Returns
   * {@code existing} unchanged for a condition check and null for a delete.
   */
  Map<String, AttributeValue> apply(Map<String, AttributeValue> existing) {
    if (condition != null && !condition.test(existing == null ? Map.of() : existing)) {
      throw new ConditionalCheckFailedException(returnOldOnFailure ? existing : null);
    }
    return change.apply(existing);
  }

  boolean mutates() {
    return kind != Kind.CONDITION_CHECK;
  }
}
