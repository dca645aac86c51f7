package dev.orderly.orders.domain;

import java.util.Objects;

/**
 * What a ConfirmOrder or CancelOrder task answers the saga: the order's status afterwards, and
 * whether there was an order at all (a CancelOrder for an order that does not exist succeeds with
 * {@code orderFound = false}, so the compensation chain goes on).
 */
public record TaskResult(OrderStatus status, boolean orderFound) {
  public TaskResult {
    Objects.requireNonNull(status, "status");
  }
}
