package dev.orderly.localcloud.events.internal;

import java.time.Instant;
import java.util.List;

/** One PutEvents request entry as sent; any member may be missing (null). */
public record PutEventsEntry(
    String source,
    String detailType,
    String detail,
    List<String> resources,
    Instant time,
    String eventBusName) {
  public PutEventsEntry {
    resources = resources == null ? List.of() : List.copyOf(resources);
  }
}
