package dev.orderly.dynamodb.internal.error;

import dev.orderly.dynamodb.internal.value.AttributeValue;
import dev.orderly.dynamodb.internal.value.ValueJson;
import java.util.Map;

/**
 * A failed condition. Carries the current item when the request asked for
 * ReturnValuesOnConditionCheckFailure=ALL_OLD and an item exists, so callers need no extra read.
 */
public final class ConditionalCheckFailedException extends DynamoDbException {
  private static final long serialVersionUID = 1L;

  private final transient Map<String, AttributeValue> item;

  public ConditionalCheckFailedException(Map<String, AttributeValue> item) {
    super(CONDITIONAL_CHECK_FAILED, "The conditional request failed", 400);
    this.item = item;
  }

  @Override
  public Map<String, Object> extraMembers() {
    return item == null ? Map.of() : Map.of("Item", ValueJson.writeItem(item));
  }
}
