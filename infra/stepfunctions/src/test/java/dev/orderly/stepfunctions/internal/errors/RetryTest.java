package dev.orderly.stepfunctions.internal.errors;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Retry per the States Language specification ("Retrying after error") and the error names. */
class RetryTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Retrier> retriers(String json) {
    List<Retrier> parsed = new ArrayList<>();
    json(json).forEach(node -> parsed.add(Retrier.parse(node)));
    return parsed;
  }

  @ParameterizedTest(name = "{0} matches {1}: {2}")
  @CsvSource({
    "States.ALL, Custom.Error, true",
    "States.ALL, States.Timeout, true",
    "States.ALL, States.Runtime, false",
    "States.ALL, States.DataLimitExceeded, false",
    "States.TaskFailed, Lambda.ServiceException, true",
    "States.TaskFailed, States.Timeout, false",
    "PaymentDeclined, PaymentDeclined, true",
    "PaymentDeclined, OutOfStock, false",
    "States.Runtime, States.Runtime, false",
  })
  void errorNames(String errorEquals, String error, boolean expected) {
    assertThat(ErrorNames.matches(List.of(errorEquals), error)).isEqualTo(expected);
  }

  @Test
  void defaults_areThreeAttemptsOneSecondDoubling() {
    RetryState state = new RetryState(retriers("[{\"ErrorEquals\":[\"States.ALL\"]}]"), () -> 0.5);

    assertThat(state.onError("E")).contains(Duration.ofSeconds(1));
    assertThat(state.onError("E")).contains(Duration.ofSeconds(2));
    assertThat(state.onError("E")).contains(Duration.ofSeconds(4));
    assertThat(state.onError("E")).isEmpty();
  }

  @Test
  void maxDelaySeconds_capsTheBackoffAndFullJitterDrawsBelowIt() {
    Retrier retrier =
        Retrier.parse(
            json(
                "{\"ErrorEquals\":[\"E\"],\"IntervalSeconds\":2,\"BackoffRate\":3,"
                    + "\"MaxAttempts\":10,\"MaxDelaySeconds\":10,\"JitterStrategy\":\"FULL\"}"));

    assertThat(retrier.delay(1, 0.5)).isEqualTo(Duration.ofSeconds(1));
    assertThat(retrier.delay(2, 1.0 - 1e-9)).isLessThan(Duration.ofSeconds(6));
    assertThat(retrier.delay(5, 0.5)).isEqualTo(Duration.ofSeconds(5));
    assertThat(retrier.delay(5, 0.0)).isEqualTo(Duration.ZERO);
  }

  @Test
  void maxAttemptsZero_neverRetries() {
    RetryState state =
        new RetryState(retriers("[{\"ErrorEquals\":[\"E\"],\"MaxAttempts\":0}]"), () -> 0.5);

    assertThat(state.onError("E")).isEmpty();
  }

  @Test
  void firstMatchingRetrierDecides_andEachCountsItsOwnAttempts() {
    RetryState state =
        new RetryState(
            retriers(
                "[{\"ErrorEquals\":[\"Transient\"],\"MaxAttempts\":2,\"IntervalSeconds\":1},"
                    + "{\"ErrorEquals\":[\"States.ALL\"],\"MaxAttempts\":1,\"IntervalSeconds\":7}]"),
            () -> 0.5);

    assertThat(state.onError("Transient")).contains(Duration.ofSeconds(1));
    assertThat(state.onError("Other")).contains(Duration.ofSeconds(7));
    assertThat(state.onError("Transient")).contains(Duration.ofSeconds(2));
    assertThat(state.onError("Transient")).isEmpty();
    assertThat(state.onError("Other")).isEmpty();
  }

  @Test
  void runtimeErrors_areNeverRetried() {
    RetryState state = new RetryState(retriers("[{\"ErrorEquals\":[\"States.ALL\"]}]"), () -> 0.5);

    assertThat(state.onError("States.Runtime")).isEqualTo(Optional.empty());
  }
}
