package dev.orderly.localcloud.api.internal;

import java.time.Duration;
import java.time.Instant;

/**
 * API Gateway's throttle for one route: a bucket of {@code burst} tokens, full at the start,
 * refilled at {@code rate} tokens per second; a request takes one token or is throttled. Time comes
 * from the caller (the injected clock), so nothing sleeps.
 */
final class TokenBucket {
  private final double rate;
  private final int burst;
  private double tokens;
  private Instant last;

  TokenBucket(double rate, int burst, Instant now) {
    if (rate < 0 || burst < 0) {
      throw new IllegalArgumentException(
          "Throttling rate and burst cannot be negative: " + rate + ", " + burst);
    }
    this.rate = rate;
    this.burst = burst;
    this.tokens = burst;
    this.last = now;
  }

  synchronized boolean tryAcquire(Instant now) {
    if (now.isAfter(last)) {
      double seconds = Duration.between(last, now).toNanos() / 1e9;
      tokens = Math.min(burst, tokens + seconds * rate);
      last = now;
    }
    if (tokens >= 1) {
      tokens -= 1;
      return true;
    }
    return false;
  }
}
