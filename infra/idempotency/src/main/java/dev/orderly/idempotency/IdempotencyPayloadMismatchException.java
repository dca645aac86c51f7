package dev.orderly.idempotency;

/** The key was used before with a different payload: a client bug, never retryable. */
public final class IdempotencyPayloadMismatchException extends IdempotencyException {
  private static final long serialVersionUID = 1L;

  public IdempotencyPayloadMismatchException(String key) {
    super("Idempotency key " + key + " was already used with a different payload");
  }
}
