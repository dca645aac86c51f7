package dev.orderly.orderviews.domain;

import java.util.Objects;
import javax.inject.Inject;

/**
 * Builds the read model from events. An order's view gets a copy of its customer's name as known
 * when the view is written; a later rename is not fanned out to every view of that customer (a
 * fan-out would race with views being written and cost a write per order) but stored once, and
 * {@link OrderQueries} shows the current name at read time.
 */
public final class Projection {
  private final OrderViews views;
  private final Customers customers;

  @Inject
  public Projection(OrderViews views, Customers customers) {
    this.views = Objects.requireNonNull(views, "views");
    this.customers = Objects.requireNonNull(customers, "customers");
  }

  public Projected apply(ProjectionEvent event) {
    if (event instanceof OrderChange order) {
      return views.apply(order, customers.name(order.tenant(), order.customerId()));
    }
    if (event instanceof CustomerChange customer) {
      return customers.apply(customer);
    }
    throw new IllegalArgumentException("not a projection event: " + event);
  }
}
