package dev.orderly.payments.domain;

/**
 * ChargePayment ran after its compensation had already voided the order's payment — a late attempt
 * after a timeout. Nothing stays charged; the saga has moved on.
 */
public final class ChargeVoidedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ChargeVoidedException(String orderId) {
    super("the payment of order " + orderId + " was already voided; nothing charged");
  }
}
