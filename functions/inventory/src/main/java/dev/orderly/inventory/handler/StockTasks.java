package dev.orderly.inventory.handler;

import dev.orderly.inventory.domain.ReleaseStock;
import dev.orderly.inventory.domain.ReserveStock;
import dev.orderly.inventory.domain.StockLine;
import java.util.List;
import java.util.Map;

/**
 * The ReserveStock / ReleaseStock task payload, {@code {tenantId, orderId, requestId,
 * correlationId, lines: [{sku, quantity}]}}, as commands. ReleaseStock gets the same payload but
 * releases what the reservation holds, so it does not read the lines.
 */
final class StockTasks {
  private StockTasks() {}

  static ReserveStock reserve(Map<String, Object> input) {
    TaskPayload payload = TaskPayload.of(input);
    List<StockLine> lines =
        payload.objects("lines").stream()
            .map(line -> new StockLine(line.text("sku"), line.integer("quantity")))
            .toList();
    String requestId = payload.text("requestId");
    return new ReserveStock(
        payload.text("tenantId"),
        payload.text("orderId"),
        requestId,
        payload.optionalText("correlationId").orElse(requestId),
        lines);
  }

  static ReleaseStock release(Map<String, Object> input) {
    TaskPayload payload = TaskPayload.of(input);
    String requestId = payload.text("requestId");
    return new ReleaseStock(
        payload.text("tenantId"),
        payload.text("orderId"),
        requestId,
        payload.optionalText("correlationId").orElse(requestId));
  }
}
