package dev.orderly.orders.domain;

/**
 * ConfirmOrder found the order already CANCELLED (a compensation won the race, or an operator
 * cancelled it): the order cannot be confirmed, and the saga must compensate what it did.
 */
public final class OrderAlreadyCancelled extends OrderTransitionRefused {
  private static final long serialVersionUID = 1L;

  public OrderAlreadyCancelled(String orderId) {
    super(
        orderId, "ORDER_ALREADY_CANCELLED: order " + orderId + " is cancelled; cannot confirm it");
  }
}
