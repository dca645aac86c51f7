package dev.orderly.payments.domain;

/**
 * The port to whoever moves the money. Both operations are idempotent per key: the same key gets
 * the same answer and moves money once, which is what makes retrying them safe. Failures that may
 * pass are thrown as {@link PaymentProviderUnavailableException}.
 */
public interface PaymentProvider {

  ChargeResult charge(ChargeRequest request);

  /** Refunds a charge in full and answers the refund's id. */
  String refund(String chargeId, String idempotencyKey);
}
