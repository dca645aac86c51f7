package dev.orderly.lambda.saga;

import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.TransactionInProgressException;

/**
 * A saga task whose AWS call failed without a verdict — no answer in time, a dropped connection,
 * throttling, a 5xx, a transaction conflict — does not know whether its write took effect. Treating
 * that as the task failing would send the saga down its Catch and compensate a step that may have
 * happened (a confirmed order refunded). Such failures become {@link TransientFailure}, which the
 * state machine retries; the task's idempotency record makes the retry replay the first outcome.
 * Validation errors and other definite refusals pass through unchanged.
 *
 * <pre>{@code
 * String chargeId = AmbiguousFailures.retried(() -> service.charge(command));
 * }</pre>
 */
public final class AmbiguousFailures {
  private static final Set<String> PASSING_REASONS =
      Set.of("TransactionConflict", "ThrottlingError", "ProvisionedThroughputExceeded");

  private AmbiguousFailures() {}

  /** Runs the task; an AWS failure that may pass is rethrown as {@link TransientFailure}. */
  public static <T> T retried(Supplier<T> task) {
    try {
      return task.get();
    } catch (SdkException failure) {
      if (mayPass(failure)) {
        throw new TransientFailure(
            "an AWS call failed without a verdict ("
                + failure.getClass().getSimpleName()
                + "): "
                + failure.getMessage(),
            failure);
      }
      throw failure;
    }
  }

  /** Whether trying again later may succeed, and the failed call may already have taken effect. */
  public static boolean mayPass(SdkException failure) {
    if (failure instanceof SdkClientException) {
      return true;
    }
    if (failure instanceof TransactionInProgressException) {
      return true;
    }
    if (failure instanceof TransactionCanceledException cancelled) {
      return cancelled.hasCancellationReasons()
          && cancelled.cancellationReasons().stream()
              .map(CancellationReason::code)
              .anyMatch(PASSING_REASONS::contains);
    }
    if (failure instanceof AwsServiceException service) {
      return service.isThrottlingException() || service.statusCode() >= 500;
    }
    return false;
  }
}
