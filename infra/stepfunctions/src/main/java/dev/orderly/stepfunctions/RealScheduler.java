package dev.orderly.stepfunctions;

import dev.orderly.stepfunctions.internal.Futures;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Wall-clock time: timers on the common delayed executor, blocking waits with timeouts. */
final class RealScheduler implements Scheduler {
  private final Clock clock;

  RealScheduler(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public Instant now() {
    return clock.instant();
  }

  @Override
  public CompletableFuture<Void> after(Duration delay) {
    if (delay.isNegative() || delay.isZero()) {
      return CompletableFuture.completedFuture(null);
    }
    return CompletableFuture.runAsync(
        () -> {}, CompletableFuture.delayedExecutor(delay.toNanos(), TimeUnit.NANOSECONDS));
  }

  @Override
  public <T> T await(CompletableFuture<T> work, Instant deadline) throws TimeoutException {
    try {
      if (deadline == null) {
        return work.get();
      }
      long nanos = Duration.between(clock.instant(), deadline).toNanos();
      if (nanos <= 0 && !work.isDone()) {
        throw new TimeoutException();
      }
      return work.get(Math.max(0, nanos), TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      throw Futures.unwrap(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancellationException("interrupted while waiting");
    }
  }
}
