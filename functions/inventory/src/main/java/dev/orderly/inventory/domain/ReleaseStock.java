package dev.orderly.inventory.domain;

import java.util.Objects;

/**
 * The saga's compensation of ReserveStock. It releases what the order's reservation holds, not what
 * the payload lists: the reservation is the truth, and it may not exist at all.
 *
 * @param requestId the forward step's id (ReserveStock's), which the compensation reuses
 */
public record ReleaseStock(
    String tenantId, String orderId, String requestId, String correlationId) {
  public ReleaseStock {
    Ids.tenant(tenantId);
    Ids.order(orderId);
    Ids.requestId(requestId);
    Objects.requireNonNull(correlationId, "correlationId");
  }

  public String fingerprint() {
    return tenantId + "|" + orderId;
  }
}
