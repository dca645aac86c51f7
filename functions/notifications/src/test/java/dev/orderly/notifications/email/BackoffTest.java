package dev.orderly.notifications.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BackoffTest {
  private static Backoff backoff(double jitter) {
    return new Backoff(
        Duration.ofMillis(100),
        Duration.ofSeconds(1),
        () -> jitter,
        duration -> {
          throw new AssertionError("delay() never waits");
        });
  }

  @ParameterizedTest(name = "after {0} failure(s), jitter {1}: {2} ms")
  @CsvSource({
    "1, 1.0, 100",
    "2, 1.0, 200",
    "3, 1.0, 400",
    "4, 1.0, 800",
    "5, 1.0, 1000",
    "60, 1.0, 1000",
    "3, 0.5, 200",
    "3, 0.0, 0",
    "5, 0.25, 250",
    "2, 1.5, 200",
    "2, -1.0, 0"
  })
  void delay_isAJitteredFractionOfTheCappedExponential(int failures, double jitter, long millis) {
    assertThat(backoff(jitter).delay(failures)).isEqualTo(Duration.ofMillis(millis));
  }

  @Test
  void delay_needsAtLeastOneFailure() {
    assertThatThrownBy(() -> backoff(1).delay(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("failures must be at least 1, was 0");
  }

  @Test
  void aCapBelowTheBaseIsRefused() {
    assertThatThrownBy(
            () -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), () -> 1, d -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cap must be at least base");
  }
}
