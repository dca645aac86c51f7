package dev.orderly.localcloud.events.internal;

import dev.orderly.localcloud.events.EventBridgeStats;
import java.util.concurrent.atomic.AtomicLong;

/** The bus's running totals; {@link #snapshot()} reads them for {@link EventBridgeStats}. */
public final class Counters {
  final AtomicLong accepted = new AtomicLong();
  final AtomicLong rejected = new AtomicLong();
  final AtomicLong matched = new AtomicLong();
  final AtomicLong unmatched = new AtomicLong();
  final AtomicLong delivered = new AtomicLong();
  final AtomicLong retried = new AtomicLong();
  final AtomicLong deadLettered = new AtomicLong();
  final AtomicLong dropped = new AtomicLong();

  public EventBridgeStats snapshot() {
    return new EventBridgeStats(
        accepted.get(),
        rejected.get(),
        matched.get(),
        unmatched.get(),
        delivered.get(),
        retried.get(),
        deadLettered.get(),
        dropped.get());
  }
}
