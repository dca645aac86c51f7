package dev.orderly.orders.handler;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderly.orders.domain.Order;
import dev.orderly.orders.domain.OrderLine;

/**
 * An order as the HTTP API shows it. Amounts are integers in the currency's minor units. The
 * payment token is never shown; the cancellation appears only on a cancelled order.
 */
final class OrderJson {
  private OrderJson() {}

  static ObjectNode of(Order order) {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("orderId", order.orderId());
    json.put("customerId", order.customerId());
    json.put("status", order.status().name());
    json.put("currency", order.currency());
    ArrayNode lines = json.putArray("lines");
    for (OrderLine line : order.lines()) {
      lines
          .addObject()
          .put("sku", line.sku())
          .put("quantity", line.quantity())
          .put("unitPrice", line.unitPrice())
          .put("lineTotal", line.lineTotal());
    }
    json.put("total", order.total());
    json.put("version", order.version());
    json.put("createdAt", order.createdAt().toString());
    json.put("updatedAt", order.updatedAt().toString());
    order
        .cancellation()
        .ifPresent(
            reason ->
                json.putObject("cancellation")
                    .put("code", reason.code())
                    .put("detail", reason.detail()));
    return json;
  }
}
