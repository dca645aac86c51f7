package dev.orderly.stepfunctions.internal.interpreter;

import dev.orderly.stepfunctions.Scheduler;
import dev.orderly.stepfunctions.internal.Futures;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/** A scheduler for the interpreter's simplest constructor: a fixed clock, waits that return. */
final class InstantScheduler {
  private InstantScheduler() {}

  /** Waits reported to {@code waiter} and over at once, on a fixed clock. */
  static Scheduler of(Clock clock, Consumer<Duration> waiter) {
    return new Scheduler() {
      @Override
      public Instant now() {
        return clock.instant();
      }

      @Override
      public CompletableFuture<Void> after(Duration delay) {
        if (!delay.isNegative() && !delay.isZero()) {
          waiter.accept(delay);
        }
        return CompletableFuture.completedFuture(null);
      }

      @Override
      public <T> T await(CompletableFuture<T> work, Instant deadline) throws TimeoutException {
        if (!work.isDone() && deadline != null) {
          throw new TimeoutException();
        }
        try {
          return work.join();
        } catch (RuntimeException e) {
          throw Futures.unwrap(e);
        }
      }
    };
  }
}
