package dev.orderly.localcloud.demo;

import java.util.Optional;

/**
 * The kinds of order the demo places, each driving one branch of the saga or one duplicate path.
 * Shares are per thousand; {@link #pick} maps a uniform draw in [0, 1000) onto them.
 */
public enum OrderKind {
  /** tok_ok on plentiful stock: reserved, charged, confirmed. */
  HAPPY("tok_ok", 556, "confirmed"),
  /** tok_ok on a scarce SKU: confirmed while stock lasts, then OutOfStock → cancelled. */
  SCARCE("tok_ok", 120, "confirmed or OUT_OF_STOCK"),
  /** tok_decline: PaymentDeclined → stock released → cancelled. */
  DECLINED("tok_decline", 100, "PAYMENT_DECLINED"),
  /** tok_outage_2: the provider fails twice, the function's own retries recover it. */
  BLIP("tok_outage_2", 138, "confirmed"),
  /**
   * tok_down: transient failures exhaust every retry → refund (a no-op), release, cancel. Rare:
   * each one also opens the circuit breaker of the execution environments it ran in for 30 s, and
   * the orders those environments serve meanwhile fail fast (SERVICE_UNAVAILABLE) — the breaker
   * doing its job, since the local provider's outages are per card rather than provider-wide.
   */
  DOWN("tok_down", 2, "SERVICE_UNAVAILABLE"),
  /** tok_ok, POSTed twice concurrently with one Idempotency-Key: one order. */
  CLIENT_RETRY("tok_ok", 80, "confirmed, placed once"),
  /**
   * tok_ok, but its ReserveStock invocation fails (fault injection, matched on the order's
   * correlation id): ReservationFailed → release (nothing held) → cancel.
   */
  RESERVATION_FAILS("tok_ok", 2, "SERVICE_UNAVAILABLE, nothing held", "ReserveStockFunction"),
  /**
   * tok_ok, but its ConfirmOrder invocation fails after the charge (fault injection):
   * ConfirmationFailed → refund the charge → release → cancel.
   */
  CONFIRMATION_FAILS("tok_ok", 2, "SERVICE_UNAVAILABLE, charge refunded", "ConfirmOrderFunction");

  private final String paymentToken;
  private final int perMille;
  private final String expected;
  private final String failingFunction;

  OrderKind(String paymentToken, int perMille, String expected) {
    this(paymentToken, perMille, expected, null);
  }

  OrderKind(String paymentToken, int perMille, String expected, String failingFunction) {
    this.paymentToken = paymentToken;
    this.perMille = perMille;
    this.expected = expected;
    this.failingFunction = failingFunction;
  }

  /** The logical id of the function whose invocation for this order fails, if one does. */
  public Optional<String> failingFunction() {
    return Optional.ofNullable(failingFunction);
  }

  public String paymentToken() {
    return paymentToken;
  }

  public String expected() {
    return expected;
  }

  static OrderKind pick(int drawPerMille) {
    int upTo = 0;
    for (OrderKind kind : values()) {
      upTo += kind.perMille;
      if (drawPerMille < upTo) {
        return kind;
      }
    }
    throw new IllegalArgumentException("draw must be in [0, 1000): " + drawPerMille);
  }
}
