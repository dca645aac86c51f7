package dev.orderly.orderviews.handler;

/**
 * A message that is not an Orderly event the projection can read. Retrying cannot help, so the
 * message is reported as failed and reaches the queue's dead-letter queue after its receives.
 */
public final class MalformedEventException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public MalformedEventException(String message) {
    super(message);
  }

  public MalformedEventException(String message, Throwable cause) {
    super(message, cause);
  }
}
