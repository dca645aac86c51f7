package dev.orderly.inventory.domain;

import java.util.List;

/** How a reservation attempt ended; the service turns the failures into the saga's errors. */
public sealed interface ReserveOutcome
    permits ReserveOutcome.Reserved, ReserveOutcome.Short, ReserveOutcome.Closed {

  /** Every line is held (now, or by an earlier delivery of the same request). */
  record Reserved(String reservationId) implements ReserveOutcome {}

  /** Nothing was reserved: these SKUs, unknown ones included, lack stock. */
  record Short(List<String> skus) implements ReserveOutcome {
    public Short {
      skus = List.copyOf(skus);
      if (skus.isEmpty()) {
        throw new IllegalArgumentException("a short reservation names at least one SKU");
      }
    }
  }

  /** The order's reservation was already released or closed: nothing was reserved. */
  record Closed() implements ReserveOutcome {}
}
