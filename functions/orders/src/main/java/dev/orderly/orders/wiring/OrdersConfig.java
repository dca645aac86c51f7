package dev.orderly.orders.wiring;

import dev.orderly.lambda.config.Environment;

/**
 * The orders functions' configuration: the orders table ({@code ORDERS_TABLE}, which also holds
 * their outbox) and the shared idempotency table ({@code IDEMPOTENCY_TABLE}). Read once, here.
 */
public record OrdersConfig(String ordersTable, String idempotencyTable) {
  public static OrdersConfig from(Environment env) {
    return new OrdersConfig(env.require("ORDERS_TABLE"), env.require("IDEMPOTENCY_TABLE"));
  }
}
