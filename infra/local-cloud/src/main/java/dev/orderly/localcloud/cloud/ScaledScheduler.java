package dev.orderly.localcloud.cloud;

import dev.orderly.stepfunctions.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;

/**
 * Real time whose timers (retry back-offs, Wait states) run {@code scale} times faster: how the
 * end-to-end tests take a saga through five jittered retries in a second instead of half a minute.
 * Deadlines (task and execution timeouts) stay real.
 */
final class ScaledScheduler implements Scheduler {
  private final Scheduler real;
  private final double scale;

  ScaledScheduler(Scheduler real, double scale) {
    this.real = real;
    this.scale = scale;
  }

  static Scheduler of(Scheduler real, double scale) {
    return scale == 1 ? real : new ScaledScheduler(real, scale);
  }

  @Override
  public Instant now() {
    return real.now();
  }

  @Override
  public CompletableFuture<Void> after(Duration delay) {
    return real.after(Duration.ofNanos((long) (delay.toNanos() / scale)));
  }

  @Override
  public <T> T await(CompletableFuture<T> work, Instant deadline) throws TimeoutException {
    return real.await(work, deadline);
  }
}
