package dev.orderly.inventory.persistence;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderly.inventory.domain.StockLine;
import dev.orderly.outbox.EventEnvelope;
import dev.orderly.outbox.OutboxEntry;
import java.time.Instant;
import java.util.List;

/**
 * Inventory's events, {@code StockReserved} and {@code StockReleased} ({@code data: {orderId,
 * lines}}), as outbox entries of the order's reservation: reserved at position 1, released at 2, so
 * neither can be written twice for one order.
 */
final class StockEvents {
  static final String SOURCE = "orderly.inventory";
  static final String RESERVED = "StockReserved";
  static final String RELEASED = "StockReleased";

  private StockEvents() {}

  static OutboxEntry reserved(
      String tenantId,
      String orderId,
      List<StockLine> lines,
      String eventId,
      String correlationId,
      Instant now) {
    return entry(RESERVED, 1, tenantId, orderId, lines, eventId, correlationId, now);
  }

  static OutboxEntry released(
      String tenantId,
      String orderId,
      List<StockLine> lines,
      String eventId,
      String correlationId,
      Instant now) {
    return entry(RELEASED, 2, tenantId, orderId, lines, eventId, correlationId, now);
  }

  private static OutboxEntry entry(
      String detailType,
      long sequence,
      String tenantId,
      String orderId,
      List<StockLine> lines,
      String eventId,
      String correlationId,
      Instant now) {
    ObjectNode data = JsonNodeFactory.instance.objectNode();
    data.put("orderId", orderId);
    ArrayNode items = data.putArray("lines");
    for (StockLine line : lines) {
      items.addObject().put("sku", line.sku()).put("quantity", line.quantity());
    }
    EventEnvelope event =
        new EventEnvelope(SOURCE, detailType, eventId, tenantId, correlationId, now, 1, data);
    return new OutboxEntry(InventoryKeys.reservationPk(tenantId, orderId), sequence, event);
  }
}
