package dev.orderly.orderviews.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An order event as the read model needs it. {@code placedAt} comes only with the placement
 * (OrderPlaced), {@code amount} with the events that carry it (not OrderCancelled); the view takes
 * each field from whichever event brings it, so events may arrive in any order.
 */
public record OrderChange(
    String tenant,
    String orderId,
    String customerId,
    StatusChange change,
    Optional<Money> amount,
    Optional<Instant> placedAt)
    implements ProjectionEvent {
  public OrderChange {
    Ids.tenant(tenant);
    Ids.id("orderId", orderId);
    Ids.id("customerId", customerId);
    Objects.requireNonNull(change, "change");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(placedAt, "placedAt");
    if (placedAt.isPresent() != (change.status() == OrderStatus.PENDING)) {
      throw new IllegalArgumentException("placedAt comes with the placement and only with it");
    }
  }

  public long version() {
    return change.version();
  }
}
