package dev.orderly.payments.domain;

import java.util.Objects;

/**
 * The saga's ChargePayment task: charge the order's total to its payment token, once.
 *
 * @param requestId the saga step's id, shared with RefundPayment: the idempotency key towards
 *     DynamoDB and towards the provider
 * @param amount in the currency's minor units
 */
public record ChargePayment(
    String tenantId,
    String orderId,
    String requestId,
    String correlationId,
    String customerId,
    long amount,
    String currency,
    String paymentToken) {

  public ChargePayment {
    Ids.tenant(tenantId);
    Ids.order(orderId);
    Ids.text(requestId, "requestId", 256);
    Objects.requireNonNull(correlationId, "correlationId");
    Ids.text(customerId, "customerId", 128);
    if (amount < 1) {
      throw new IllegalArgumentException("amount must be positive: " + amount);
    }
    Ids.currency(currency);
    Ids.text(paymentToken, "paymentToken", 255);
  }

  public ChargeRequest toRequest() {
    return new ChargeRequest(requestId, amount, currency, paymentToken);
  }

  /** What a duplicate delivery must repeat exactly (the correlation id may differ). */
  public String fingerprint() {
    return String.join(
        "|", tenantId, orderId, customerId, Long.toString(amount), currency, paymentToken);
  }
}
