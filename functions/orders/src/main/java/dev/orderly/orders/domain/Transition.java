package dev.orderly.orders.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a saga task asks of an order, and the rule that decides it: only a PENDING order moves; an
 * order already where the task would take it is left alone (a duplicate delivery answers as the
 * first did); an order at the other end refuses with a typed error the saga can match.
 */
public sealed interface Transition permits Transition.Confirm, Transition.Cancel {

  /** The saga task's name, part of its idempotency key. */
  String taskName();

  /** Decides the task against the order as it is now (empty: no such order for the tenant). */
  Decision decide(Optional<Order> current, String orderId, Instant now);

  /** ConfirmOrder: PENDING to CONFIRMED, the saga's last forward step. */
  record Confirm() implements Transition {
    @Override
    public String taskName() {
      return "ConfirmOrder";
    }

    @Override
    public Decision decide(Optional<Order> current, String orderId, Instant now) {
      Order order = current.orElseThrow(() -> new OrderNotFound(orderId));
      if (order.status() == OrderStatus.CONFIRMED) {
        return new Decision.AlreadyDone(order);
      }
      if (order.status() == OrderStatus.CANCELLED) {
        throw new OrderAlreadyCancelled(orderId);
      }
      return new Decision.Apply(order, order.confirmed(now));
    }
  }

  /**
   * CancelOrder: PENDING to CANCELLED with a reason, the saga's last compensation. It succeeds when
   * there is no order (nothing to undo), since a compensation must not break the chain.
   */
  record Cancel(CancellationReason reason) implements Transition {
    public Cancel {
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String taskName() {
      return "CancelOrder";
    }

    @Override
    public Decision decide(Optional<Order> current, String orderId, Instant now) {
      if (current.isEmpty()) {
        return new Decision.NoOrder(orderId);
      }
      Order order = current.get();
      if (order.status() == OrderStatus.CANCELLED) {
        return new Decision.AlreadyDone(order);
      }
      if (order.status() == OrderStatus.CONFIRMED) {
        throw new OrderAlreadyConfirmed(orderId);
      }
      return new Decision.Apply(order, order.cancelled(reason, now));
    }
  }
}
