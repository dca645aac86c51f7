package dev.orderly.orders.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * Where orders live, with the events their changes emit written in the same transaction (the
 * outbox): an event exists if and only if its change committed.
 */
public interface OrderStore {

  /** The tenant's order, or empty (also when another tenant has an order with this id). */
  Optional<Order> find(String tenantId, String orderId);

  /** Writes a new order and its {@code OrderPlaced} event together. */
  void create(Order order, String paymentToken, Instant now);

  /**
   * Decides {@code transition} against the current order and commits its change with its event, at
   * most once per request id and task: a redelivery replays the first answer. A refusal ({@link
   * OrderTransitionRefused}, {@link OrderNotFound}) writes nothing.
   */
  TaskResult transition(TaskRequest request, Transition transition, Instant now);
}
