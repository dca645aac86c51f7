package dev.orderly.notifications.domain;

/**
 * An order event names a customer whose address notifications has not learned (its {@code
 * UserRegistered} has not arrived yet, or never will). The event fails, so SQS redelivers it after
 * the visibility timeout, by which time the user event has usually been applied; after the queue's
 * maxReceiveCount it goes to the dead-letter queue, where an operator sees it.
 */
public final class UnknownCustomerException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UnknownCustomerException(String tenant, String customerId, String eventId) {
    super(
        "no address known for customer "
            + customerId
            + " of tenant "
            + tenant
            + " (event "
            + eventId
            + ")");
  }
}
