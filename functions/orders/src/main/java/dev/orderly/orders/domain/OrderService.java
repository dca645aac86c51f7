package dev.orderly.orders.domain;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/** The orders service: places orders and moves them as the saga decides. */
public final class OrderService {
  private final OrderStore store;
  private final Clock clock;
  private final Ids ids;

  public OrderService(OrderStore store, Clock clock, Ids ids) {
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.ids = Objects.requireNonNull(ids, "ids");
  }

  /** A new PENDING order with a fresh id, written with its OrderPlaced event. */
  public Order place(PlaceOrder command) {
    Order order = newOrder(command);
    store.create(order, command.paymentToken(), order.createdAt());
    return order;
  }

  /** A new PENDING order with a fresh id, not yet written: for a caller that commits it itself. */
  public Order newOrder(PlaceOrder command) {
    return Order.placed(command, ids.next(), clock.instant());
  }

  public Optional<Order> find(String tenantId, String orderId) {
    return store.find(tenantId, orderId);
  }

  public TaskResult confirm(TaskRequest request) {
    return store.transition(request, new Transition.Confirm(), clock.instant());
  }

  public TaskResult cancel(TaskRequest request, CancellationReason reason) {
    return store.transition(request, new Transition.Cancel(reason), clock.instant());
  }
}
