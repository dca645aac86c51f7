package dev.orderly.localcloud.events.internal;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with jitter between delivery attempts, as EventBridge retries ("exponential
 * back off and jitter, or randomized delay"). AWS does not publish its schedule; here retry {@code
 * n} waits between half and all of {@code min(max, base * 2^(n-1))} ("equal jitter"), so delays
 * grow and never collapse to zero.
 */
public final class Backoff {
  private final Duration base;
  private final Duration max;
  private final RandomGenerator random;

  public Backoff(Duration base, Duration max, RandomGenerator random) {
    if (base.isNegative() || base.isZero() || max.compareTo(base) < 0) {
      throw new IllegalArgumentException("backoff needs 0 < base <= max, was " + base + ", " + max);
    }
    this.base = base;
    this.max = max;
    this.random = random;
  }

  /** The wait before retry {@code retry} (1 for the first retry). */
  public Duration delay(int retry) {
    int doublings = Math.min(retry - 1, 40);
    long capMillis = Math.min(max.toMillis(), base.toMillis() << doublings);
    if (doublings >= 40 || capMillis < 0) {
      capMillis = max.toMillis();
    }
    long half = capMillis / 2;
    return Duration.ofMillis(half + (long) (random.nextDouble() * (capMillis - half)));
  }
}
