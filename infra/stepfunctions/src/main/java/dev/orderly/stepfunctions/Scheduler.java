package dev.orderly.stepfunctions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;

/**
 * Time for executions: what time it is, timers (Wait states, retry delays, timeouts, heartbeats)
 * and waiting for work with a deadline. {@link #real(Clock)} is wall-clock time for a running local
 * cloud; {@link VirtualScheduler} makes every wait instant and deterministic in tests.
 */
public interface Scheduler {
  Instant now();

  /** A future completed once {@code delay} has passed (at once for zero or negative delays). */
  CompletableFuture<Void> after(Duration delay);

  /**
   * Waits until {@code work} completes and returns its value, or throws {@link TimeoutException}
   * once {@code deadline} has passed (a null deadline waits without end). A failed {@code work}
   * throws its cause, unwrapped.
   */
  <T> T await(CompletableFuture<T> work, Instant deadline) throws TimeoutException;

  static Scheduler real(Clock clock) {
    return new RealScheduler(clock);
  }
}
