package dev.orderly.orderviews.domain;

/** What the projection consumes: a change to an order, or to the customer it names. */
public sealed interface ProjectionEvent permits OrderChange, CustomerChange {
  String tenant();
}
