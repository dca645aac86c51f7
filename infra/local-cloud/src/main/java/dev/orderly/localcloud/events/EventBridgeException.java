package dev.orderly.localcloud.events;

/**
 * An EventBridge API error: {@code errorCode} is the AWS error type ({@code __type} on the wire,
 * e.g. {@code ValidationException}), answered with HTTP 400.
 */
public class EventBridgeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String errorCode;

  public EventBridgeException(String errorCode, String message) {
    super(message);
    this.errorCode = errorCode;
  }

  public String errorCode() {
    return errorCode;
  }

  /** The request is malformed or names something this bus cannot do. */
  public static EventBridgeException validation(String message) {
    return new EventBridgeException("ValidationException", message);
  }
}
