package dev.orderly.idempotency.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import dev.orderly.idempotency.Idempotency;
import dev.orderly.idempotency.IdempotencyKeys;
import dev.orderly.idempotency.IdempotencyRequest;
import dev.orderly.idempotency.ResponseCodec;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * For Step Functions task functions: one key per execution and task, so a task that Step Functions
 * retries after a timeout (when it cannot know whether the first attempt ran) replays the first
 * result. {@link #requestId} is the id a forward step and its compensation share — the idempotency
 * key towards the payment provider, say — registered before the step runs, since a timeout leaves
 * unknown whether the step happened.
 */
public final class SagaTaskIdempotency {
  private final Idempotency idempotency;

  public SagaTaskIdempotency(Idempotency idempotency) {
    this.idempotency = Objects.requireNonNull(idempotency, "idempotency");
  }

  /** The request id shared by a forward step and its compensation. */
  public static String requestId(String executionName, String forwardStep) {
    Objects.requireNonNull(executionName, "executionName");
    Objects.requireNonNull(forwardStep, "forwardStep");
    return executionName + "/" + forwardStep;
  }

  /**
   * Runs the task once per execution and task name; a duplicate still running throws {@link
   * dev.orderly.idempotency.IdempotencyInProgressException}, which the state machine's Retry on
   * that error name turns into a later attempt.
   */
  public <R> R handle(
      String executionName,
      String taskName,
      byte[] input,
      Context context,
      ResponseCodec<R> codec,
      Supplier<R> handler) {
    IdempotencyRequest request =
        IdempotencyRequest.of(IdempotencyKeys.sagaStep(executionName, taskName), input, context);
    return idempotency.execute(request, codec, handler);
  }
}
