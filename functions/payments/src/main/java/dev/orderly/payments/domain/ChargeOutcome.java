package dev.orderly.payments.domain;

/** How recording a charge ended. */
public sealed interface ChargeOutcome permits ChargeOutcome.Charged, ChargeOutcome.LostToRefund {

  /** The order's charge is recorded (now, or by an earlier delivery). */
  record Charged(String chargeId) implements ChargeOutcome {}

  /**
   * RefundPayment voided the order while this charge was being made: {@code chargeId} was taken at
   * the provider and must be given back.
   */
  record LostToRefund(String chargeId) implements ChargeOutcome {}
}
