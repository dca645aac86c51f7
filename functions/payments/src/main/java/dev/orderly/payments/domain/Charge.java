package dev.orderly.payments.domain;

import java.util.Objects;

/**
 * An order's payment as payments records it. A charge is recorded once per order and refunded at
 * most once; a refund that finds no charge leaves a {@link Status#VOIDED} marker, so a
 * ChargePayment still running after the saga gave up on it (a timeout leaves that unknown) cannot
 * charge an order that is being cancelled.
 */
public record Charge(
    String tenantId, String orderId, String chargeId, long amount, String currency, Status status) {

  /** The life of an order's payment. */
  public enum Status {
    CHARGED,
    REFUNDED,
    /** Refunded before anything was charged: nothing was taken and nothing can be. */
    VOIDED
  }

  public Charge {
    Ids.tenant(tenantId);
    Ids.order(orderId);
    Objects.requireNonNull(status, "status");
    if (status == Status.VOIDED) {
      if (chargeId != null || amount != 0 || currency != null) {
        throw new IllegalArgumentException("a voided payment holds no charge");
      }
    } else {
      Ids.text(chargeId, "chargeId", 256);
      Ids.currency(currency);
      if (amount < 1) {
        throw new IllegalArgumentException("amount must be positive: " + amount);
      }
    }
  }

  public static Charge voided(String tenantId, String orderId) {
    return new Charge(tenantId, orderId, null, 0, null, Status.VOIDED);
  }
}
