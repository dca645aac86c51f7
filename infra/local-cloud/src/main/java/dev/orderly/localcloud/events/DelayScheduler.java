package dev.orderly.localcloud.events;

import java.time.Duration;

/**
 * Runs a delivery retry after its backoff delay. The default uses a {@code
 * ScheduledExecutorService}; tests supply one that advances their clock instead of waiting.
 */
@FunctionalInterface
public interface DelayScheduler {
  void schedule(Duration delay, Runnable task);
}
