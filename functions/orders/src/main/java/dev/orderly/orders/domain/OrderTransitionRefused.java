package dev.orderly.orders.domain;

/**
 * A saga task asked an order to move from a final state to the other one. Not transient: retrying
 * cannot help, so the state machine must not retry it. The concrete class names are the error names
 * a Catch matches (the Lambda Java runtime reports the class name as the error type); the message
 * names the order and the states, nothing internal.
 */
public abstract sealed class OrderTransitionRefused extends IllegalStateException
    permits OrderAlreadyCancelled, OrderAlreadyConfirmed {
  private static final long serialVersionUID = 1L;

  private final String orderId;

  OrderTransitionRefused(String orderId, String message) {
    super(message);
    this.orderId = orderId;
  }

  public String orderId() {
    return orderId;
  }
}
