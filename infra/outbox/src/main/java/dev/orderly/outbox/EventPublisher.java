package dev.orderly.outbox;

import java.util.List;

/** Publishes events; reports each entry's fate so only the failed ones are retried. */
public interface EventPublisher {
  /** At most {@link #MAX_BATCH} entries, the PutEvents limit. */
  int MAX_BATCH = 10;

  /** One result per entry, in the same order: null for published, else the error code. */
  List<String> publish(List<OutboxEntry> entries);
}
