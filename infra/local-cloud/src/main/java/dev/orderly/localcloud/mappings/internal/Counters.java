package dev.orderly.localcloud.mappings.internal;

import dev.orderly.localcloud.mappings.MappingStats;
import java.util.concurrent.atomic.AtomicLong;

/** The live counters behind {@link MappingStats}. */
public final class Counters {
  final AtomicLong batches = new AtomicLong();
  final AtomicLong records = new AtomicLong();
  final AtomicLong failures = new AtomicLong();
  final AtomicLong retries = new AtomicLong();
  final AtomicLong discarded = new AtomicLong();
  final AtomicLong sentToDestination = new AtomicLong();

  void invoked(int size) {
    batches.incrementAndGet();
    records.addAndGet(size);
  }

  public MappingStats snapshot() {
    return new MappingStats(
        batches.get(),
        records.get(),
        failures.get(),
        retries.get(),
        discarded.get(),
        sentToDestination.get());
  }
}
