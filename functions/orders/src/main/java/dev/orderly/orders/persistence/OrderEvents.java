package dev.orderly.orders.persistence;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderly.orders.domain.Order;
import dev.orderly.orders.domain.OrderLine;
import dev.orderly.outbox.EventEnvelope;
import dev.orderly.outbox.OutboxEntry;
import java.time.Instant;

/**
 * The events the orders service publishes, shaped as functions/README.md lists them. Each goes to
 * the outbox under the order's id at the order's new version, so an order's events are ordered and
 * two racing changes cannot both emit one.
 */
final class OrderEvents {
  static final String SOURCE = "orderly.orders";
  static final String ORDER_PLACED = "OrderPlaced";
  static final String ORDER_CONFIRMED = "OrderConfirmed";
  static final String ORDER_CANCELLED = "OrderCancelled";

  private OrderEvents() {}

  static OutboxEntry placed(Order order, String paymentToken, String eventId, Instant now) {
    ObjectNode data = base(order);
    ArrayNode lines = data.putArray("lines");
    for (OrderLine line : order.lines()) {
      lines
          .addObject()
          .put("sku", line.sku())
          .put("quantity", line.quantity())
          .put("unitPrice", line.unitPrice());
    }
    data.put("currency", order.currency());
    data.put("total", order.total());
    data.put("paymentToken", paymentToken);
    data.put("version", order.version());
    return entry(order, ORDER_PLACED, data, eventId, order.correlationId(), now);
  }

  static OutboxEntry confirmed(Order order, String eventId, String correlationId, Instant now) {
    ObjectNode data = base(order);
    data.put("total", order.total());
    data.put("currency", order.currency());
    data.put("version", order.version());
    return entry(order, ORDER_CONFIRMED, data, eventId, correlationId, now);
  }

  static OutboxEntry cancelled(Order order, String eventId, String correlationId, Instant now) {
    ObjectNode data = base(order);
    ObjectNode reason = data.putObject("reason");
    order.cancellation().ifPresent(r -> reason.put("code", r.code()).put("detail", r.detail()));
    data.put("version", order.version());
    return entry(order, ORDER_CANCELLED, data, eventId, correlationId, now);
  }

  private static ObjectNode base(Order order) {
    ObjectNode data = JsonNodeFactory.instance.objectNode();
    data.put("orderId", order.orderId());
    data.put("customerId", order.customerId());
    return data;
  }

  private static OutboxEntry entry(
      Order order,
      String detailType,
      ObjectNode data,
      String eventId,
      String correlationId,
      Instant now) {
    EventEnvelope event =
        new EventEnvelope(
            SOURCE, detailType, eventId, order.tenantId(), correlationId, now, 1, data);
    return new OutboxEntry(order.orderId(), order.version(), event);
  }
}
