package dev.orderly.orderviews.domain;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The denormalised order the list shows: one read instead of a join of orders and users. A view
 * built from events that arrived out of order may still lack what only a missing event carries
 * ({@code placedAt}, {@code amount}); the list shows only views whose placement has arrived.
 *
 * @param version the highest order version applied; {@code status} is that version's
 * @param history every status change seen, oldest first, one per version
 */
public record OrderView(
    String orderId,
    String customerId,
    Optional<String> customerName,
    OrderStatus status,
    Optional<Money> amount,
    Optional<Instant> placedAt,
    List<StatusChange> history,
    long version) {
  public OrderView {
    Objects.requireNonNull(orderId, "orderId");
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(customerName, "customerName");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(placedAt, "placedAt");
    history = history.stream().sorted(Comparator.comparingLong(StatusChange::version)).toList();
    if (version < 1) {
      throw new IllegalArgumentException("version must be at least 1: " + version);
    }
  }

  /** The same view showing {@code name}, the customer's current one. */
  public OrderView withCustomerName(String name) {
    return new OrderView(
        orderId, customerId, Optional.of(name), status, amount, placedAt, history, version);
  }
}
