package dev.orderly.orderviews.domain;

import java.util.Objects;

/** Why an order was cancelled: a stable code (OUT_OF_STOCK, PAYMENT_DECLINED, ...) and prose. */
public record CancelReason(String code, String detail) {
  public CancelReason {
    if (code == null || code.isBlank()) {
      throw new IllegalArgumentException("reason code must not be blank");
    }
    Objects.requireNonNull(detail, "detail");
  }
}
