package dev.orderly.payments.provider;

import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.functions.Either;
import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with full jitter (AWS's recommendation, and what the saga's {@code
 * JitterStrategy: FULL} does): before retry n, wait a random time between 0 and {@code min(max,
 * initial * 2^(n-1))}, so that Lambda instances retrying one provider do not retry in step. The
 * random source is a parameter, so the waits can be asserted.
 */
public final class JitteredBackoff implements IntervalBiFunction<Object> {
  private final long initialMillis;
  private final long maxMillis;
  private final DoubleSupplier random;

  public JitteredBackoff(Duration initial, Duration max, DoubleSupplier random) {
    if (initial.isNegative() || max.compareTo(initial) < 0) {
      throw new IllegalArgumentException(
          "waits must satisfy 0 <= initial <= max: " + initial + ", " + max);
    }
    this.initialMillis = initial.toMillis();
    this.maxMillis = max.toMillis();
    this.random = random;
  }

  /** The longest wait before retry {@code attempt} (1 after the first failure). */
  public long ceiling(int attempt) {
    if (attempt < 1) {
      throw new IllegalArgumentException("attempts count from 1: " + attempt);
    }
    long ceiling = initialMillis;
    for (int i = 1; i < attempt && ceiling < maxMillis; i++) {
      ceiling *= 2;
    }
    return Math.min(ceiling, maxMillis);
  }

  @Override
  public Long apply(Integer attempt, Either<Throwable, Object> outcome) {
    double fraction = random.getAsDouble();
    if (fraction < 0 || fraction > 1) {
      throw new IllegalStateException("the random source must give [0, 1]: " + fraction);
    }
    return Math.round(fraction * ceiling(attempt));
  }
}
