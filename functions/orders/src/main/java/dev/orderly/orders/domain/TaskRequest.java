package dev.orderly.orders.domain;

import java.util.Objects;

/**
 * The part of a saga task's payload every order task shares: which order, the request id that makes
 * a redelivery a replay, and the correlation id to carry into the event it emits.
 */
public record TaskRequest(String tenantId, String orderId, String requestId, String correlationId) {
  public TaskRequest {
    OrderLimits.text(tenantId, "tenantId", 64);
    OrderLimits.text(orderId, "orderId", OrderLimits.MAX_ORDER_ID_LENGTH);
    OrderLimits.text(requestId, "requestId", 256);
    Objects.requireNonNull(correlationId, "correlationId");
  }
}
