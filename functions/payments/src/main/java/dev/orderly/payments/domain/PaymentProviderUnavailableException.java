package dev.orderly.payments.domain;

/**
 * The payment provider could not answer (an outage, a timeout, throttling): the charge or refund
 * may succeed if tried again, so it is retried with backoff and counted by the circuit breaker.
 */
public final class PaymentProviderUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public PaymentProviderUnavailableException(String message) {
    super(message);
  }
}
