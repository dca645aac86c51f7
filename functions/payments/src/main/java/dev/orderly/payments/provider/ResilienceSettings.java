package dev.orderly.payments.provider;

import dev.orderly.lambda.config.Environment;
import java.time.Duration;

/**
 * How hard payments tries the provider before handing the failure to the saga (which retries the
 * whole task with its own backoff): a few quick attempts per invocation, and a circuit breaker that
 * stops calling a provider that keeps failing, so invocations fail fast instead of holding
 * concurrency while it is down.
 *
 * @param failureRatePercent the share of failed calls in the window that opens the circuit
 * @param minimumCalls calls needed in the window before the rate counts (20 by default: a window of
 *     10 opened on a few cards that failed twice each, failing healthy orders for 30 s)
 * @param openFor how long the circuit stays open before letting a trial call through
 */
public record ResilienceSettings(
    int maxAttempts,
    Duration initialWait,
    Duration maxWait,
    int failureRatePercent,
    int minimumCalls,
    int window,
    Duration openFor) {

  public ResilienceSettings {
    if (maxAttempts < 1 || maxAttempts > 10) {
      throw new IllegalArgumentException("maxAttempts must be 1 to 10: " + maxAttempts);
    }
    if (initialWait.isNegative() || maxWait.compareTo(initialWait) < 0) {
      throw new IllegalArgumentException("waits must satisfy 0 <= initial <= max");
    }
    if (failureRatePercent < 1 || failureRatePercent > 100) {
      throw new IllegalArgumentException("failureRatePercent must be 1 to 100");
    }
    if (minimumCalls < 1 || window < minimumCalls) {
      throw new IllegalArgumentException("need 1 <= minimumCalls <= window");
    }
    if (openFor.isNegative() || openFor.isZero()) {
      throw new IllegalArgumentException("openFor must be positive");
    }
  }

  /**
   * From {@code PAYMENT_RETRY_MAX_ATTEMPTS} (3), {@code PAYMENT_RETRY_INITIAL_WAIT_MS} (100),
   * {@code PAYMENT_RETRY_MAX_WAIT_MS} (1000), {@code PAYMENT_BREAKER_FAILURE_RATE} (50), {@code
   * PAYMENT_BREAKER_MINIMUM_CALLS} (20), {@code PAYMENT_BREAKER_WINDOW} (50) and {@code
   * PAYMENT_BREAKER_OPEN_MS} (30000).
   */
  public static ResilienceSettings from(Environment env) {
    return new ResilienceSettings(
        env.integer("PAYMENT_RETRY_MAX_ATTEMPTS", 3),
        env.millis("PAYMENT_RETRY_INITIAL_WAIT_MS", Duration.ofMillis(100)),
        env.millis("PAYMENT_RETRY_MAX_WAIT_MS", Duration.ofSeconds(1)),
        env.integer("PAYMENT_BREAKER_FAILURE_RATE", 50),
        env.integer("PAYMENT_BREAKER_MINIMUM_CALLS", 20),
        env.integer("PAYMENT_BREAKER_WINDOW", 50),
        env.millis("PAYMENT_BREAKER_OPEN_MS", Duration.ofSeconds(30)));
  }
}
