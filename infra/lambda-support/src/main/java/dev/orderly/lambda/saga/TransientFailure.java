package dev.orderly.lambda.saga;

/**
 * A saga task failed for a reason that may pass (a provider outage, an open circuit, throttling):
 * the state machine retries it with backoff. Its class name is the error name Retry matches.
 */
public final class TransientFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TransientFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
