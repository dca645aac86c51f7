package dev.orderly.orders.saga;

/**
 * An SQS message that is not an {@code OrderPlaced} event the saga can start from. Never retried
 * into success: the message is reported as failed and, after the queue's maxReceiveCount, goes to
 * the dead-letter queue where an operator can look at it.
 */
public final class MalformedOrderPlaced extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public MalformedOrderPlaced(String message) {
    super(message);
  }
}
