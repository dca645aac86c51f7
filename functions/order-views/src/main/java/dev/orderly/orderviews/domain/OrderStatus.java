package dev.orderly.orderviews.domain;

/** Where an order stands, as the orders service's events tell it. */
public enum OrderStatus {
  /** Placed, the saga still running. */
  PENDING,
  CONFIRMED,
  CANCELLED
}
