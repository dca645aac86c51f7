package dev.orderly.orderviews;

import dev.orderly.orderviews.domain.CancelReason;
import dev.orderly.orderviews.domain.CustomerChange;
import dev.orderly.orderviews.domain.Money;
import dev.orderly.orderviews.domain.OrderChange;
import dev.orderly.orderviews.domain.OrderStatus;
import dev.orderly.orderviews.domain.StatusChange;
import java.time.Instant;
import java.util.Optional;

/** Domain events as the parser produces them, for store and property tests. */
public final class OrderEvents {
  public static final Instant PLACED_AT = Instant.parse("2026-05-01T10:00:00Z");

  private OrderEvents() {}

  public static OrderChange placed(String tenant, String orderId, Instant at) {
    return new OrderChange(
        tenant,
        orderId,
        "cust-1",
        new StatusChange(1, OrderStatus.PENDING, at, Optional.empty()),
        Optional.of(new Money(2500, "EUR")),
        Optional.of(at));
  }

  public static OrderChange placed(String tenant, String orderId) {
    return placed(tenant, orderId, PLACED_AT);
  }

  public static OrderChange confirmed(String tenant, String orderId, long version) {
    return new OrderChange(
        tenant,
        orderId,
        "cust-1",
        new StatusChange(
            version, OrderStatus.CONFIRMED, PLACED_AT.plusSeconds(version), Optional.empty()),
        Optional.of(new Money(2500, "EUR")),
        Optional.empty());
  }

  public static OrderChange cancelled(String tenant, String orderId, long version) {
    return new OrderChange(
        tenant,
        orderId,
        "cust-1",
        new StatusChange(
            version,
            OrderStatus.CANCELLED,
            PLACED_AT.plusSeconds(version),
            Optional.of(new CancelReason("OUT_OF_STOCK", "sku-1 is short"))),
        Optional.empty(),
        Optional.empty());
  }

  public static CustomerChange customer(String tenant, String userId, String name, long version) {
    return new CustomerChange(tenant, userId, name, version);
  }
}
