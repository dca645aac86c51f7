package dev.orderly.orders.domain;

/**
 * Where an order stands in its saga: PENDING from placement until the saga confirms it (stock
 * reserved and payment charged) or cancels it (a step failed and was compensated). Both ends are
 * final.
 */
public enum OrderStatus {
  PENDING,
  CONFIRMED,
  CANCELLED
}
