package dev.orderly.orderviews.domain;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.inject.Inject;

/**
 * The query side: a tenant's orders, newest first, each showing its customer's current name. The
 * name stored in the view is the one known when the view was written; the customer's own item, kept
 * at its newest version, wins over it, so a rename shows on the next read.
 */
public final class OrderQueries {
  private final OrderViews views;
  private final Customers customers;

  @Inject
  public OrderQueries(OrderViews views, Customers customers) {
    this.views = Objects.requireNonNull(views, "views");
    this.customers = Objects.requireNonNull(customers, "customers");
  }

  public ViewPage list(String tenant, PageSize size, Optional<String> cursor) {
    ViewPage page = views.page(tenant, size, cursor);
    if (page.items().isEmpty()) {
      return page;
    }
    Set<String> customerIds =
        page.items().stream().map(OrderView::customerId).collect(Collectors.toSet());
    Map<String, String> current = customers.names(tenant, customerIds);
    return new ViewPage(
        page.items().stream()
            .map(
                view ->
                    current.containsKey(view.customerId())
                        ? view.withCustomerName(current.get(view.customerId()))
                        : view)
            .toList(),
        page.nextCursor());
  }
}
