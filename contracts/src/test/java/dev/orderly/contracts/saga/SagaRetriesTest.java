package dev.orderly.contracts.saga;

import static dev.orderly.contracts.saga.SagaBranchesTest.COMPENSATION_TRIES;
import static dev.orderly.contracts.saga.SagaBranchesTest.FORWARD_TRIES;
import static dev.orderly.contracts.saga.SagaTasks.TRANSIENT;
import static dev.orderly.contracts.saga.SagaTasks.fails;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Retry is for transient errors only: each one is retried on every step, no business or unknown
 * error is retried anywhere, and the waits follow IntervalSeconds × BackoffRate^n, capped by
 * MaxDelaySeconds, scaled by FULL jitter.
 */
class SagaRetriesTest {
  static final List<String> TRANSIENT_ERRORS =
      List.of(
          TRANSIENT,
          "dev.orderly.idempotency.IdempotencyInProgressException",
          "Lambda.ServiceException",
          "Lambda.AWSLambdaException",
          "Lambda.SdkClientException",
          "Lambda.TooManyRequestsException");

  static final List<String> NEVER_RETRIED =
      List.of(
          "dev.orderly.lambda.saga.OutOfStock",
          "dev.orderly.lambda.saga.PaymentDeclined",
          "dev.orderly.idempotency.IdempotencyPayloadMismatchException",
          "java.lang.IllegalStateException",
          "Lambda.Unknown",
          "Lambda.ResourceNotFoundException");

  static final List<String> COMPENSATIONS = SagaDefinition.COMPENSATIONS;

  private final Saga saga = new Saga();

  static Stream<Arguments> forwardStepsAndErrors(List<String> errors) {
    return SagaDefinition.FORWARD_STEPS.stream()
        .flatMap(step -> errors.stream().map(error -> Arguments.of(step, error)));
  }

  static Stream<Arguments> transientOnForwardSteps() {
    return forwardStepsAndErrors(TRANSIENT_ERRORS);
  }

  static Stream<Arguments> neverRetriedOnForwardSteps() {
    return forwardStepsAndErrors(NEVER_RETRIED);
  }

  static Stream<Arguments> transientOnCompensations() {
    return COMPENSATIONS.stream()
        .flatMap(step -> TRANSIENT_ERRORS.stream().map(error -> Arguments.of(step, error)));
  }

  static Stream<Arguments> neverRetriedOnCompensations() {
    return COMPENSATIONS.stream()
        .flatMap(step -> NEVER_RETRIED.stream().map(error -> Arguments.of(step, error)));
  }

  @ParameterizedTest(name = "{0} retries {1}")
  @MethodSource("transientOnForwardSteps")
  void aTransientErrorOnAForwardStep_isRetried_andTheSagaGoesOn(String step, String error) {
    saga.tasks().script(step, fails(error));

    SagaRun run = saga.run();

    assertThat(run.attempts(step)).isEqualTo(2);
    assertThat(run.status()).isEqualTo("SUCCEEDED");
    SagaAssertions.compensationsShareTheirForwardStepsRequestId(run);
  }

  @ParameterizedTest(name = "{0} does not retry {1}")
  @MethodSource("neverRetriedOnForwardSteps")
  void aBusinessOrUnknownErrorOnAForwardStep_isNeverRetried(String step, String error) {
    saga.tasks().failAlways(step, error);

    SagaRun run = saga.run();

    assertThat(run.attempts(step)).isEqualTo(1);
    assertThat(run.status()).isEqualTo("FAILED");
    assertThat(run.steps()).endsWith("CancelOrder");
    SagaAssertions.compensationsShareTheirForwardStepsRequestId(run);
  }

  @ParameterizedTest(name = "{0} retries {1}")
  @MethodSource("transientOnCompensations")
  void aTransientErrorOnACompensation_isRetried_andTheCompensationsGoOn(String step, String error) {
    saga.tasks().script("ConfirmOrder", fails("java.lang.IllegalStateException"));
    saga.tasks().script(step, fails(error));

    SagaRun run = saga.run();

    assertThat(run.attempts(step)).isEqualTo(2);
    assertThat(run.stepsWithoutRetries())
        .endsWith("ConfirmOrder", "RefundPayment", "ReleaseStock", "CancelOrder");
    assertThat(run.error()).isEqualTo("SERVICE_UNAVAILABLE");
    SagaAssertions.compensationsShareTheirForwardStepsRequestId(run);
  }

  @ParameterizedTest(name = "{0} does not retry {1}")
  @MethodSource("neverRetriedOnCompensations")
  void aNonTransientErrorOnACompensation_goesToTheDlqAtOnce(String step, String error) {
    saga.tasks().script("ConfirmOrder", fails("java.lang.IllegalStateException"));
    saga.tasks().failAlways(step, error);

    SagaRun run = saga.run();

    assertThat(run.attempts(step)).isEqualTo(1);
    assertThat(run.steps()).endsWith(step, SagaTasks.DLQ_STEP);
    assertThat(run.dlqMessages())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.get("step").asText()).isEqualTo(step);
              assertThat(m.get("error").asText()).isEqualTo(error);
            });
    assertThat(run.error()).isEqualTo("COMPENSATION_FAILED");
    SagaAssertions.compensationsShareTheirForwardStepsRequestId(run);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.orderly.contracts.saga.SagaDefinition#compensationList")
  void anExhaustedCompensation_isRetriedLongerThanAForwardStep_thenGoesToTheDlq(String step) {
    saga.tasks().script("ConfirmOrder", fails("java.lang.IllegalStateException"));
    saga.tasks().failAlways(step, TRANSIENT);

    SagaRun run = saga.run();

    assertThat(run.attempts(step)).isEqualTo(COMPENSATION_TRIES).isGreaterThan(FORWARD_TRIES);
    assertThat(run.steps()).endsWith(step, SagaTasks.DLQ_STEP);
    int stuck = COMPENSATIONS.indexOf(step);
    assertThat(run.pendingInDlqMessage())
        .isEqualTo(COMPENSATIONS.subList(stuck, COMPENSATIONS.size()));
    assertThat(run.error()).isEqualTo("COMPENSATION_FAILED");
  }

  @Test
  void forwardRetryWaits_doubleFromOneSecond_cappedAtEight_halvedByTheJitterDraw() {
    saga.tasks().failAlways("ChargePayment", TRANSIENT);

    SagaRun run = saga.run();

    assertThat(run.attemptTimes("ChargePayment"))
        .containsExactly(
            seconds(0), seconds(0.5), seconds(1.5), seconds(3.5), seconds(7.5), seconds(11.5));
  }

  @Test
  void compensationRetryWaits_doubleFromTwoSeconds_cappedAtFiveMinutes_halvedByTheJitterDraw() {
    saga.tasks()
        .script("ReserveStock", fails("dev.orderly.lambda.saga.OutOfStock"))
        .failAlways("CancelOrder", TRANSIENT);

    SagaRun run = saga.run();

    assertThat(run.attemptTimes("CancelOrder"))
        .containsExactly(
            seconds(0),
            seconds(1),
            seconds(3),
            seconds(7),
            seconds(15),
            seconds(31),
            seconds(63),
            seconds(127),
            seconds(255),
            seconds(405),
            seconds(555));
  }

  private static Duration seconds(double value) {
    return Duration.ofMillis(Math.round(value * 1000));
  }
}
