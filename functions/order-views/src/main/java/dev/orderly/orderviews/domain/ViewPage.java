package dev.orderly.orderviews.domain;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One page of a tenant's views, newest first, and the opaque cursor of the next page if any. */
public record ViewPage(List<OrderView> items, Optional<String> nextCursor) {
  public ViewPage {
    items = List.copyOf(items);
    Objects.requireNonNull(nextCursor, "nextCursor");
  }
}
