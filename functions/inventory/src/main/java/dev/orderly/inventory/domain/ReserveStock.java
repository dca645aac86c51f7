package dev.orderly.inventory.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The saga's ReserveStock task: every line of the order or none. Lines of one SKU are merged (one
 * conditional decrement per SKU, and DynamoDB refuses two writes to one item in a transaction), in
 * the order the SKUs first appear.
 *
 * @param requestId the saga step's id, shared with ReleaseStock: the idempotency key
 */
public record ReserveStock(
    String tenantId,
    String orderId,
    String requestId,
    String correlationId,
    List<StockLine> lines) {
  /** An order has at most 50 lines; the transaction then holds at most 53 writes. */
  public static final int MAX_LINES = 50;

  public ReserveStock {
    Ids.tenant(tenantId);
    Ids.order(orderId);
    Ids.requestId(requestId);
    Objects.requireNonNull(correlationId, "correlationId");
    Objects.requireNonNull(lines, "lines");
    if (lines.isEmpty() || lines.size() > MAX_LINES) {
      throw new IllegalArgumentException(
          "an order has 1 to " + MAX_LINES + " lines: " + lines.size());
    }
    lines = merge(lines);
  }

  private static List<StockLine> merge(List<StockLine> lines) {
    Map<String, Integer> bySku = new LinkedHashMap<>();
    for (StockLine line : lines) {
      bySku.merge(line.sku(), line.quantity(), Math::addExact);
    }
    List<StockLine> merged = new ArrayList<>(bySku.size());
    bySku.forEach((sku, quantity) -> merged.add(new StockLine(sku, quantity)));
    return List.copyOf(merged);
  }

  /** What a duplicate delivery must repeat exactly (the correlation id may differ). */
  public String fingerprint() {
    StringBuilder text = new StringBuilder(tenantId).append('|').append(orderId);
    for (StockLine line : lines) {
      text.append('|').append(line.sku()).append('=').append(line.quantity());
    }
    return text.toString();
  }
}
