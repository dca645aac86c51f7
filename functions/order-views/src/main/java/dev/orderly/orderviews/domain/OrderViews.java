package dev.orderly.orderviews.domain;

import java.util.Optional;

/**
 * The order views, stored. Applying must be safe under duplicates, reordering and concurrent
 * deliveries: a change sets the status only if its version is newer than the view's, and otherwise
 * still contributes its history entry and the fields the view lacks.
 */
public interface OrderViews {
  /** Applies one order change, copying {@code customerName} into the view when it is known. */
  Projected apply(OrderChange change, Optional<String> customerName);

  /** A tenant's placed orders, newest first; the cursor is one this store issued to the tenant. */
  ViewPage page(String tenant, PageSize size, Optional<String> cursor);

  Optional<OrderView> find(String tenant, String orderId);
}
