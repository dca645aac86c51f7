package dev.orderly.localcloud.mappings;

import java.time.Duration;

/**
 * One {@code AWS::Lambda::EventSourceMapping} running locally: it polls its source and invokes its
 * function with batches, as Lambda's pollers do, until closed.
 */
public interface EventSourceMapping extends AutoCloseable {
  /** Starts polling; a mapping starts once. */
  void start();

  /** What the mapping has done so far, for the demo's summary and for tests. */
  MappingStats stats();

  /**
   * Waits until the mapping has caught up with everything its source held when this was called:
   * nothing in flight and the source drained (an SQS queue empty, or every stream shard read to its
   * end).
   *
   * @return false if {@code timeout} passed first
   */
  boolean awaitIdle(Duration timeout);

  /** Stops polling and lets in-flight invocations finish; a batch still being retried is left. */
  @Override
  void close();
}
