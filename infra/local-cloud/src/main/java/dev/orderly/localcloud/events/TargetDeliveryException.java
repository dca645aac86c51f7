package dev.orderly.localcloud.events;

/**
 * A target did not take an event. {@code errorCode} is what EventBridge reports in the dead-letter
 * message's {@code ERROR_CODE} attribute (e.g. {@code THROTTLING}, {@code NO_RESOURCE}); a
 * non-retryable failure (missing resource, missing permission) goes to the DLQ at once.
 */
public final class TargetDeliveryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String errorCode;
  private final boolean retryable;

  public TargetDeliveryException(String errorCode, String message, boolean retryable) {
    super(message);
    this.errorCode = errorCode;
    this.retryable = retryable;
  }

  public TargetDeliveryException(
      String errorCode, String message, boolean retryable, Throwable cause) {
    super(message, cause);
    this.errorCode = errorCode;
    this.retryable = retryable;
  }

  public String errorCode() {
    return errorCode;
  }

  public boolean retryable() {
    return retryable;
  }
}
