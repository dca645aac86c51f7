package dev.orderly.idempotency;

/**
 * Another delivery of the same key is running. Retryable: SQS redelivers after the visibility
 * timeout, Step Functions retries the task, an HTTP client gets 409 and tries again.
 */
public final class IdempotencyInProgressException extends IdempotencyException {
  private static final long serialVersionUID = 1L;

  public IdempotencyInProgressException(String key) {
    super("Another request with idempotency key " + key + " is in progress");
  }
}
