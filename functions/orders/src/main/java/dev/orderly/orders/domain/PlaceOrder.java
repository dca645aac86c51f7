package dev.orderly.orders.domain;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A request to place an order, valid by construction: {@value OrderLimits#MIN_LINES} to {@value
 * OrderLimits#MAX_LINES} lines with distinct SKUs (two lines of one SKU would make the stock
 * reservation touch one item twice in a transaction, which DynamoDB refuses), one accepted
 * currency, and the tenant and correlation id the request came with.
 */
public record PlaceOrder(
    String tenantId,
    String correlationId,
    String customerId,
    String currency,
    String paymentToken,
    List<OrderLine> lines) {

  public PlaceOrder {
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(correlationId, "correlationId");
    OrderLimits.text(customerId, "customerId", OrderLimits.MAX_CUSTOMER_ID_LENGTH);
    OrderLimits.text(paymentToken, "paymentToken", OrderLimits.MAX_PAYMENT_TOKEN_LENGTH);
    if (!Currencies.accepted(currency)) {
      throw new IllegalArgumentException("currency is not an accepted ISO 4217 code: " + currency);
    }
    lines = List.copyOf(lines);
    if (lines.size() < OrderLimits.MIN_LINES || lines.size() > OrderLimits.MAX_LINES) {
      throw new IllegalArgumentException(
          "an order has "
              + OrderLimits.MIN_LINES
              + " to "
              + OrderLimits.MAX_LINES
              + " lines: "
              + lines.size());
    }
    Set<String> skus = new HashSet<>();
    for (OrderLine line : lines) {
      if (!skus.add(line.sku())) {
        throw new IllegalArgumentException("sku " + line.sku() + " is on more than one line");
      }
    }
  }

  /** The sum of the line totals, exact. */
  public long total() {
    long total = 0;
    for (OrderLine line : lines) {
      total = Math.addExact(total, line.lineTotal());
    }
    return total;
  }
}
