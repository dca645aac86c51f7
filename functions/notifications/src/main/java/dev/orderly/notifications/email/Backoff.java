package dev.orderly.notifications.email;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * How long to wait before trying SES again: "full jitter" exponential backoff, a random wait
 * between zero and {@code min(cap, base * 2^(failures - 1))}, so that functions throttled together
 * do not retry together. The randomness and the waiting are parameters: tests record the waits
 * instead of sleeping.
 *
 * @param jitter a fraction in [0, 1] per wait
 * @param waits what waiting means
 */
public record Backoff(Duration base, Duration cap, DoubleSupplier jitter, Waits waits) {
  /** Waits for a duration; in production by sleeping. */
  @FunctionalInterface
  public interface Waits {
    void pause(Duration duration);
  }

  public Backoff {
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(cap, "cap");
    Objects.requireNonNull(jitter, "jitter");
    Objects.requireNonNull(waits, "waits");
    if (base.isNegative() || base.isZero()) {
      throw new IllegalArgumentException("base must be positive");
    }
    if (cap.compareTo(base) < 0) {
      throw new IllegalArgumentException("cap must be at least base");
    }
  }

  /** 100 ms doubling up to 1 s, random jitter, sleeping: short enough for a Lambda invocation. */
  public static Backoff standard() {
    return new Backoff(
        Duration.ofMillis(100),
        Duration.ofSeconds(1),
        () -> ThreadLocalRandom.current().nextDouble(),
        Backoff::sleep);
  }

  /** The wait after {@code failures} failed attempts (1 or more). */
  public Duration delay(int failures) {
    if (failures < 1) {
      throw new IllegalArgumentException("failures must be at least 1, was " + failures);
    }
    long ceiling = base.toMillis() << Math.min(failures - 1, 20);
    double fraction = Math.max(0, Math.min(1, jitter.getAsDouble()));
    return Duration.ofMillis((long) (Math.min(ceiling, cap.toMillis()) * fraction));
  }

  void pauseAfter(int failures) {
    waits.pause(delay(failures));
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SesUnavailableException(e);
    }
  }
}
