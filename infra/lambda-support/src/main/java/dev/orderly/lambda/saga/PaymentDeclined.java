package dev.orderly.lambda.saga;

import dev.orderly.lambda.http.ErrorCode;

/** ChargePayment was declined by the provider (a business answer, never retried). */
public final class PaymentDeclined extends SagaError {
  private static final long serialVersionUID = 1L;

  private final String reason;

  public PaymentDeclined(String reason) {
    super(ErrorCode.PAYMENT_DECLINED, "PAYMENT_DECLINED: " + reason);
    this.reason = reason;
  }

  public String reason() {
    return reason;
  }
}
