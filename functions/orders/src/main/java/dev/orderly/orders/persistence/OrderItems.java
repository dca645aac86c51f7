package dev.orderly.orders.persistence;

import dev.orderly.orders.domain.CancellationReason;
import dev.orderly.orders.domain.Order;
import dev.orderly.orders.domain.OrderLine;
import dev.orderly.orders.domain.OrderStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Orders as DynamoDB items, mapped by hand: {@code pk = T#<tenant>#ORDER#<orderId>}, {@code sk =
 * ORDER}; amounts and counts are numbers, instants ISO-8601 strings, lines a list of maps. The
 * payment token is not kept on the order: only the OrderPlaced event carries it, to the saga.
 */
final class OrderItems {
  static final String SK = "ORDER";

  private OrderItems() {}

  static Map<String, AttributeValue> key(String tenantId, String orderId) {
    return Map.of(
        "pk", AttributeValue.fromS("T#" + tenantId + "#ORDER#" + orderId),
        "sk", AttributeValue.fromS(SK));
  }

  static Map<String, AttributeValue> toItem(Order order) {
    Map<String, AttributeValue> item = new HashMap<>(key(order.tenantId(), order.orderId()));
    item.put("type", s("ORDER"));
    item.put("tenantId", s(order.tenantId()));
    item.put("orderId", s(order.orderId()));
    item.put("customerId", s(order.customerId()));
    item.put("currency", s(order.currency()));
    item.put("total", n(order.total()));
    item.put("status", s(order.status().name()));
    item.put("version", n(order.version()));
    item.put("createdAt", s(order.createdAt().toString()));
    item.put("updatedAt", s(order.updatedAt().toString()));
    item.put("correlationId", s(order.correlationId()));
    List<AttributeValue> lines = new ArrayList<>();
    for (OrderLine line : order.lines()) {
      lines.add(
          AttributeValue.fromM(
              Map.of(
                  "sku", s(line.sku()),
                  "quantity", n(line.quantity()),
                  "unitPrice", n(line.unitPrice()))));
    }
    item.put("lines", AttributeValue.fromL(lines));
    order
        .cancellation()
        .ifPresent(
            reason -> {
              item.put("cancellationCode", s(reason.code()));
              item.put("cancellationDetail", s(reason.detail()));
            });
    return item;
  }

  static Order fromItem(Map<String, AttributeValue> item) {
    List<OrderLine> lines = new ArrayList<>();
    for (AttributeValue line : item.get("lines").l()) {
      Map<String, AttributeValue> m = line.m();
      lines.add(
          new OrderLine(
              m.get("sku").s(),
              Integer.parseInt(m.get("quantity").n()),
              Long.parseLong(m.get("unitPrice").n())));
    }
    Optional<CancellationReason> cancellation =
        item.containsKey("cancellationCode")
            ? Optional.of(
                new CancellationReason(
                    item.get("cancellationCode").s(), item.get("cancellationDetail").s()))
            : Optional.empty();
    return new Order(
        item.get("tenantId").s(),
        item.get("orderId").s(),
        item.get("customerId").s(),
        item.get("currency").s(),
        lines,
        Long.parseLong(item.get("total").n()),
        OrderStatus.valueOf(item.get("status").s()),
        Long.parseLong(item.get("version").n()),
        Instant.parse(item.get("createdAt").s()),
        Instant.parse(item.get("updatedAt").s()),
        item.get("correlationId").s(),
        cancellation);
  }

  static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }
}
