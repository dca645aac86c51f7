package dev.orderly.orders.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An order as the orders service keeps it. The version counts its changes (1 when placed) and is
 * also the outbox position of the event each change emits, so two writers racing on one order
 * cannot both commit. A cancelled order carries its reason; no other does.
 */
public record Order(
    String tenantId,
    String orderId,
    String customerId,
    String currency,
    List<OrderLine> lines,
    long total,
    OrderStatus status,
    long version,
    Instant createdAt,
    Instant updatedAt,
    String correlationId,
    Optional<CancellationReason> cancellation) {

  public Order {
    Objects.requireNonNull(tenantId, "tenantId");
    OrderLimits.text(orderId, "orderId", OrderLimits.MAX_ORDER_ID_LENGTH);
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(currency, "currency");
    lines = List.copyOf(lines);
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    Objects.requireNonNull(correlationId, "correlationId");
    Objects.requireNonNull(cancellation, "cancellation");
    if (version < 1) {
      throw new IllegalArgumentException("version must be at least 1: " + version);
    }
    if (cancellation.isPresent() != (status == OrderStatus.CANCELLED)) {
      throw new IllegalArgumentException("a reason is kept exactly for a cancelled order");
    }
  }

  /** A new order: PENDING, version 1, its total computed from its lines. */
  public static Order placed(PlaceOrder command, String orderId, Instant now) {
    return new Order(
        command.tenantId(),
        orderId,
        command.customerId(),
        command.currency(),
        command.lines(),
        command.total(),
        OrderStatus.PENDING,
        1,
        now,
        now,
        command.correlationId(),
        Optional.empty());
  }

  Order confirmed(Instant now) {
    return next(OrderStatus.CONFIRMED, Optional.empty(), now);
  }

  Order cancelled(CancellationReason reason, Instant now) {
    return next(OrderStatus.CANCELLED, Optional.of(reason), now);
  }

  private Order next(OrderStatus to, Optional<CancellationReason> reason, Instant now) {
    return new Order(
        tenantId,
        orderId,
        customerId,
        currency,
        lines,
        total,
        to,
        version + 1,
        createdAt,
        now,
        correlationId,
        reason);
  }
}
