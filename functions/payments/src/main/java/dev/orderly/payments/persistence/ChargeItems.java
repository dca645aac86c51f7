package dev.orderly.payments.persistence;

import dev.orderly.payments.domain.Charge;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Charge items, hand-mapped, keyed {@code T#<t>#PAY#<orderId> / CHARGE}: status, charge id, amount,
 * currency. An order has one charge item for life, so writing it is conditional on its absence, and
 * refunding it on its still being charged.
 */
final class ChargeItems {
  static final String SK = "CHARGE";

  private ChargeItems() {}

  static String pk(String tenantId, String orderId) {
    return "T#" + tenantId + "#PAY#" + orderId;
  }

  static Map<String, AttributeValue> key(String tenantId, String orderId) {
    return Map.of(
        "pk", AttributeValue.fromS(pk(tenantId, orderId)), "sk", AttributeValue.fromS(SK));
  }

  /** Writes the order's charge (or its void marker), failing if the order already has one. */
  static TransactWriteItem create(
      String table, Charge charge, String customerId, String requestId, Instant now) {
    Map<String, AttributeValue> item = new HashMap<>(key(charge.tenantId(), charge.orderId()));
    item.put("tenantId", AttributeValue.fromS(charge.tenantId()));
    item.put("orderId", AttributeValue.fromS(charge.orderId()));
    item.put("status", AttributeValue.fromS(charge.status().name()));
    if (charge.chargeId() != null) {
      item.put("chargeId", AttributeValue.fromS(charge.chargeId()));
      item.put("amount", AttributeValue.fromN(Long.toString(charge.amount())));
      item.put("currency", AttributeValue.fromS(charge.currency()));
    }
    if (customerId != null) {
      item.put("customerId", AttributeValue.fromS(customerId));
    }
    item.put("requestId", AttributeValue.fromS(requestId));
    item.put("createdAt", AttributeValue.fromS(now.toString()));
    item.put("updatedAt", AttributeValue.fromS(now.toString()));
    return TransactWriteItem.builder()
        .put(
            Put.builder()
                .tableName(table)
                .item(item)
                .conditionExpression("attribute_not_exists(pk)")
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                .build())
        .build();
  }

  /** Marks the order's charge refunded, if it is still charged. */
  static TransactWriteItem refund(String table, Charge charge, String refundId, Instant now) {
    return TransactWriteItem.builder()
        .update(
            Update.builder()
                .tableName(table)
                .key(key(charge.tenantId(), charge.orderId()))
                .updateExpression("SET #status = :refunded, refundId = :refundId, updatedAt = :now")
                .conditionExpression("#status = :charged")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(
                    Map.of(
                        ":refunded", AttributeValue.fromS(Charge.Status.REFUNDED.name()),
                        ":charged", AttributeValue.fromS(Charge.Status.CHARGED.name()),
                        ":refundId", AttributeValue.fromS(refundId),
                        ":now", AttributeValue.fromS(now.toString())))
                .build())
        .build();
  }

  static Charge fromItem(Map<String, AttributeValue> item) {
    Charge.Status status = Charge.Status.valueOf(item.get("status").s());
    if (status == Charge.Status.VOIDED) {
      return Charge.voided(item.get("tenantId").s(), item.get("orderId").s());
    }
    return new Charge(
        item.get("tenantId").s(),
        item.get("orderId").s(),
        item.get("chargeId").s(),
        Long.parseLong(item.get("amount").n()),
        item.get("currency").s(),
        status);
  }
}
