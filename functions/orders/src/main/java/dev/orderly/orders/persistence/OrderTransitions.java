package dev.orderly.orders.persistence;

import dev.orderly.orders.domain.Order;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The write that moves an order from one status to the next: conditional on the status and version
 * it was decided from, so of two racing tasks (ConfirmOrder and CancelOrder) exactly one commits.
 */
final class OrderTransitions {
  private OrderTransitions() {}

  static TransactWriteItem update(String table, Order before, Order after) {
    Map<String, String> names = new HashMap<>();
    names.put("#status", "status");
    names.put("#version", "version");
    names.put("#updatedAt", "updatedAt");
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":from", OrderItems.s(before.status().name()));
    values.put(":expected", OrderItems.n(before.version()));
    values.put(":to", OrderItems.s(after.status().name()));
    values.put(":next", OrderItems.n(after.version()));
    values.put(":now", OrderItems.s(after.updatedAt().toString()));
    StringBuilder set = new StringBuilder("SET #status = :to, #version = :next, #updatedAt = :now");
    after
        .cancellation()
        .ifPresent(
            reason -> {
              set.append(", cancellationCode = :code, cancellationDetail = :detail");
              values.put(":code", OrderItems.s(reason.code()));
              values.put(":detail", OrderItems.s(reason.detail()));
            });
    return TransactWriteItem.builder()
        .update(
            Update.builder()
                .tableName(table)
                .key(OrderItems.key(after.tenantId(), after.orderId()))
                .updateExpression(set.toString())
                .conditionExpression(
                    "attribute_exists(pk) AND #status = :from AND #version = :expected")
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                .build())
        .build();
  }
}
