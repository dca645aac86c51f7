package dev.orderly.payments.domain;

import java.util.Objects;

/**
 * The saga's compensation of ChargePayment. It refunds what the order's charge record holds, and
 * nothing when there is none.
 *
 * @param requestId the forward step's id (ChargePayment's), which the compensation reuses
 */
public record RefundPayment(
    String tenantId, String orderId, String requestId, String correlationId) {
  public RefundPayment {
    Ids.tenant(tenantId);
    Ids.order(orderId);
    Ids.text(requestId, "requestId", 256);
    Objects.requireNonNull(correlationId, "correlationId");
  }

  public String fingerprint() {
    return tenantId + "|" + orderId;
  }
}
