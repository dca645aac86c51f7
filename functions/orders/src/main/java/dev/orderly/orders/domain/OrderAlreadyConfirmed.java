package dev.orderly.orders.domain;

/**
 * CancelOrder found the order already CONFIRMED: a confirmed order is never silently cancelled
 * (stock and payment are settled), so this compensation fails and lands with an operator.
 */
public final class OrderAlreadyConfirmed extends OrderTransitionRefused {
  private static final long serialVersionUID = 1L;

  public OrderAlreadyConfirmed(String orderId) {
    super(orderId, "ORDER_ALREADY_CONFIRMED: order " + orderId + " is confirmed; cannot cancel it");
  }
}
