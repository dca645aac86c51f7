package dev.orderly.lambda.saga;

import dev.orderly.lambda.http.ErrorCode;
import java.util.Objects;

/**
 * A saga task's business failure. The Lambda Java runtime reports a thrown exception's class name
 * as the error type, and Step Functions matches {@code ErrorEquals} against it: so the names the
 * saga's Catch uses are these classes' names ({@code dev.orderly.lambda.saga.OutOfStock}, ...),
 * stable because they live here, and each carries the {@link ErrorCode} the HTTP API would use. The
 * message is meant for the saga's history and operators: codes and ids, no internals.
 */
public abstract class SagaError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ErrorCode code;

  protected SagaError(ErrorCode code, String message) {
    super(message, null, false, false);
    this.code = Objects.requireNonNull(code, "code");
  }

  public ErrorCode code() {
    return code;
  }
}
