package dev.orderly.localcloud.events.internal;

import dev.orderly.localcloud.events.TargetDeliveryException;

/** A target's input cannot be made from this event: not retryable, the event goes to the DLQ. */
final class RenderException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String errorCode;

  RenderException(String errorCode, String message) {
    super(message);
    this.errorCode = errorCode;
  }

  TargetDeliveryException asDeliveryFailure() {
    return new TargetDeliveryException(errorCode, getMessage(), false, this);
  }
}
