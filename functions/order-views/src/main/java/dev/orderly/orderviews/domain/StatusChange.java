package dev.orderly.orderviews.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of an order's status history: the order's version that the change produced, which
 * identifies the entry (a redelivered event adds nothing), the status, when it happened and, for a
 * cancellation, why.
 */
public record StatusChange(
    long version, OrderStatus status, Instant at, Optional<CancelReason> reason) {
  public StatusChange {
    if (version < 1) {
      throw new IllegalArgumentException("version must be at least 1: " + version);
    }
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(reason, "reason");
    if (reason.isPresent() != (status == OrderStatus.CANCELLED)) {
      throw new IllegalArgumentException("a reason comes with a cancellation and only with one");
    }
  }
}
