package dev.orderly.outbox;

import java.util.Objects;

/**
 * One event waiting in the outbox: which aggregate emitted it and at which position. The position
 * orders an aggregate's events, and writing an entry at a taken position fails, so two writers that
 * raced on one aggregate cannot both commit.
 */
public record OutboxEntry(String aggregateId, long sequence, EventEnvelope event) {
  public OutboxEntry {
    Objects.requireNonNull(aggregateId, "aggregateId");
    if (sequence < 0) {
      throw new IllegalArgumentException("sequence must not be negative: " + sequence);
    }
    Objects.requireNonNull(event, "event");
  }
}
