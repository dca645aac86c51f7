package dev.orderly.payments.handler;

import dev.orderly.payments.domain.ChargePayment;
import dev.orderly.payments.domain.RefundPayment;
import java.util.Map;

/**
 * The ChargePayment / RefundPayment task payload, {@code {tenantId, orderId, requestId,
 * correlationId, customerId, amount, currency, paymentToken}}, as commands. RefundPayment gets the
 * same payload but refunds what the charge record holds, so it reads only the ids.
 */
final class PaymentTasks {
  private PaymentTasks() {}

  static ChargePayment charge(Map<String, Object> input) {
    TaskPayload payload = TaskPayload.of(input);
    String requestId = payload.text("requestId");
    return new ChargePayment(
        payload.text("tenantId"),
        payload.text("orderId"),
        requestId,
        payload.optionalText("correlationId").orElse(requestId),
        payload.text("customerId"),
        payload.integer("amount"),
        payload.text("currency"),
        payload.text("paymentToken"));
  }

  static RefundPayment refund(Map<String, Object> input) {
    TaskPayload payload = TaskPayload.of(input);
    String requestId = payload.text("requestId");
    return new RefundPayment(
        payload.text("tenantId"),
        payload.text("orderId"),
        requestId,
        payload.optionalText("correlationId").orElse(requestId));
  }
}
