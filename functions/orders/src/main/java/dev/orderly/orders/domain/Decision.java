package dev.orderly.orders.domain;

import java.util.Objects;

/**
 * What a saga task decided about an order, before anything is written: change it, leave it as it
 * already is (a redelivery, or the saga asking twice), or there is no order to act on.
 */
public sealed interface Decision permits Decision.Apply, Decision.AlreadyDone, Decision.NoOrder {

  /** The answer for the saga. */
  TaskResult result();

  /** Write {@code after} if the order is still {@code before}, with the event of the change. */
  record Apply(Order before, Order after) implements Decision {
    public Apply {
      Objects.requireNonNull(before, "before");
      Objects.requireNonNull(after, "after");
    }

    @Override
    public TaskResult result() {
      return new TaskResult(after.status(), true);
    }
  }

  /** The order is already where the task would take it: nothing to write. */
  record AlreadyDone(Order current) implements Decision {
    @Override
    public TaskResult result() {
      return new TaskResult(current.status(), true);
    }
  }

  /** No such order (for this tenant): a cancellation has nothing to undo. */
  record NoOrder(String orderId) implements Decision {
    @Override
    public TaskResult result() {
      return new TaskResult(OrderStatus.CANCELLED, false);
    }
  }
}
