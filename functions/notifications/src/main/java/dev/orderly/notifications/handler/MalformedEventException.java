package dev.orderly.notifications.handler;

/**
 * A message body that is not an Orderly event this function can read. It fails on every delivery,
 * so after the queue's maxReceiveCount it lands in the dead-letter queue for an operator.
 */
public final class MalformedEventException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public MalformedEventException(String message) {
    super(message);
  }
}
