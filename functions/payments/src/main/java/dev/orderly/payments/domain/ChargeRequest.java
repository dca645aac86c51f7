package dev.orderly.payments.domain;

/**
 * What the payment provider is asked to charge. The idempotency key is the saga step's request id,
 * so a retried or duplicated ChargePayment can never charge the card twice: the provider answers a
 * repeated key with the first charge.
 *
 * @param amount in the currency's minor units (cents)
 */
public record ChargeRequest(String idempotencyKey, long amount, String currency, String token) {
  public ChargeRequest {
    Ids.text(idempotencyKey, "idempotencyKey", 256);
    if (amount < 1) {
      throw new IllegalArgumentException("amount must be positive: " + amount);
    }
    Ids.currency(currency);
    Ids.text(token, "token", 255);
  }
}
