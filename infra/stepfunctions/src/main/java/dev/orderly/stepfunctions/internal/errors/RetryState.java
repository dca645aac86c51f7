package dev.orderly.stepfunctions.internal.errors;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * The retry counters of one state's attempts: the first retrier whose ErrorEquals matches an error
 * decides, and each retrier counts its own attempts (so one error type cannot use up the retries of
 * another).
 */
public final class RetryState {
  private final List<Retrier> retriers;
  private final int[] attempts;
  private final DoubleSupplier random;

  public RetryState(List<Retrier> retriers, DoubleSupplier random) {
    this.retriers = List.copyOf(retriers);
    this.attempts = new int[retriers.size()];
    this.random = random;
  }

  /** The wait before retrying after {@code error}, or empty when no retrier allows another try. */
  public Optional<Duration> onError(String error) {
    for (int i = 0; i < retriers.size(); i++) {
      Retrier retrier = retriers.get(i);
      if (ErrorNames.matches(retrier.errorEquals(), error)) {
        if (attempts[i] >= retrier.maxAttempts()) {
          return Optional.empty();
        }
        attempts[i]++;
        return Optional.of(retrier.delay(attempts[i], random.getAsDouble()));
      }
    }
    return Optional.empty();
  }
}
