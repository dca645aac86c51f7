package dev.orderly.orders.domain;

/**
 * ConfirmOrder named an order this tenant does not have. The saga starts from an OrderPlaced event
 * that is written with the order, so this means the payload is wrong: retrying cannot help.
 */
public final class OrderNotFound extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  public OrderNotFound(String orderId) {
    super("ORDER_NOT_FOUND: no order " + orderId + " for the task's tenant");
  }
}
