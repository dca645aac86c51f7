package dev.orderly.inventory.persistence;

import dev.orderly.inventory.domain.StockLevel;
import dev.orderly.inventory.domain.StockLine;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Stock items, hand-mapped: {@code available}, {@code reserved}, {@code version}. Taking stock is a
 * conditional decrement ({@code available >= :qty}), so concurrent reservations can never oversell:
 * DynamoDB checks the condition and applies the update atomically.
 */
final class StockItems {
  private StockItems() {}

  /** Moves {@code line.quantity} from available to reserved, if the SKU exists and has enough. */
  static TransactWriteItem take(String table, String tenantId, StockLine line, Instant now) {
    return TransactWriteItem.builder()
        .update(
            Update.builder()
                .tableName(table)
                .key(InventoryKeys.stock(tenantId, line.sku()))
                .updateExpression(
                    "SET available = available - :qty,"
                        + " reserved = if_not_exists(reserved, :zero) + :qty,"
                        + " version = version + :one, updatedAt = :now")
                .conditionExpression("attribute_exists(pk) AND available >= :qty")
                .expressionAttributeValues(
                    Map.of(
                        ":qty", AttributeValue.fromN(Integer.toString(line.quantity())),
                        ":zero", AttributeValue.fromN("0"),
                        ":one", AttributeValue.fromN("1"),
                        ":now", AttributeValue.fromS(now.toString())))
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                .build())
        .build();
  }

  /** Moves {@code line.quantity} back from reserved to available. */
  static TransactWriteItem giveBack(String table, String tenantId, StockLine line, Instant now) {
    return TransactWriteItem.builder()
        .update(
            Update.builder()
                .tableName(table)
                .key(InventoryKeys.stock(tenantId, line.sku()))
                .updateExpression(
                    "SET available = available + :qty, reserved = reserved - :qty,"
                        + " version = version + :one, updatedAt = :now")
                .conditionExpression("attribute_exists(pk) AND reserved >= :qty")
                .expressionAttributeValues(
                    Map.of(
                        ":qty", AttributeValue.fromN(Integer.toString(line.quantity())),
                        ":one", AttributeValue.fromN("1"),
                        ":now", AttributeValue.fromS(now.toString())))
                .build())
        .build();
  }

  static StockLevel fromItem(Map<String, AttributeValue> item) {
    return new StockLevel(item.get("sku").s(), number(item, "available"), number(item, "reserved"));
  }

  private static long number(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null || value.n() == null ? 0 : Long.parseLong(value.n());
  }
}
