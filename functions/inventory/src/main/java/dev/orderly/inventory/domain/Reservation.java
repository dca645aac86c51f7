package dev.orderly.inventory.domain;

import java.util.List;
import java.util.Objects;

/**
 * What an order holds of the tenant's stock. A reservation is taken once per order and released at
 * most once; a release that finds nothing leaves a {@link Status#CLOSED} marker, so that a
 * ReserveStock still running after the saga gave up on it (a timeout leaves that unknown) cannot
 * take stock that nobody would ever release.
 */
public record Reservation(
    String tenantId, String orderId, String reservationId, Status status, List<StockLine> lines) {

  /** The life of an order's reservation. */
  public enum Status {
    /** Stock is held for the order. */
    RESERVED,
    /** The stock went back; the order cannot reserve again. */
    RELEASED,
    /** Released before anything was reserved: nothing is held and nothing can be. */
    CLOSED
  }

  public Reservation {
    Ids.tenant(tenantId);
    Ids.order(orderId);
    Objects.requireNonNull(status, "status");
    lines = List.copyOf(lines);
    if (status == Status.CLOSED) {
      if (reservationId != null || !lines.isEmpty()) {
        throw new IllegalArgumentException("a closed reservation holds nothing");
      }
    } else {
      Objects.requireNonNull(reservationId, "reservationId");
      if (lines.isEmpty()) {
        throw new IllegalArgumentException("a reservation holds at least one line");
      }
    }
  }

  public static Reservation closed(String tenantId, String orderId) {
    return new Reservation(tenantId, orderId, null, Status.CLOSED, List.of());
  }

  public boolean holdsStock() {
    return status == Status.RESERVED;
  }
}
