package dev.orderly.inventory.domain;

/**
 * ReserveStock ran after its compensation had already released (or closed) the order's reservation
 * — a late attempt after a timeout. Nothing was reserved; the saga has moved on.
 */
public final class ReservationClosedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ReservationClosedException(String orderId) {
    super("the reservation of order " + orderId + " was already released; nothing reserved");
  }
}
