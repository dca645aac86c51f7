package dev.orderly.payments.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JitteredBackoffTest {

  private static JitteredBackoff backoff(long initial, long max, double fraction) {
    return new JitteredBackoff(Duration.ofMillis(initial), Duration.ofMillis(max), () -> fraction);
  }

  @ParameterizedTest
  @CsvSource({"1, 100", "2, 200", "3, 400", "4, 800", "5, 1000", "6, 1000", "2147483647, 1000"})
  void theCeiling_doublesPerRetryUpToTheMaximum(int attempt, long ceiling) {
    assertThat(backoff(100, 1_000, 1.0).ceiling(attempt)).isEqualTo(ceiling);
  }

  @ParameterizedTest
  @CsvSource({"0.0, 1, 0", "1.0, 1, 100", "0.5, 1, 50", "0.5, 3, 200", "0.25, 9, 250"})
  void theWait_isAFullJitterFractionOfTheCeiling(double fraction, int attempt, long wait) {
    assertThat(backoff(100, 1_000, fraction).apply(attempt, null)).isEqualTo(wait);
  }

  @Test
  void zeroWaits_stayZero() {
    assertThat(backoff(0, 0, 1.0).apply(5, null)).isZero();
  }

  @Test
  void nonsense_isRefused() {
    assertThatThrownBy(() -> backoff(100, 50, 0.5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> backoff(-1, 50, 0.5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> backoff(100, 1_000, 1.5).apply(1, null))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> backoff(100, 1_000, 0.5).ceiling(0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
