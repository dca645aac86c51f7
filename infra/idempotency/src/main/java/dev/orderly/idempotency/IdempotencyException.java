package dev.orderly.idempotency;

/** Base of the idempotency failures a caller may want to tell apart. */
public abstract class IdempotencyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  protected IdempotencyException(String message) {
    super(message);
  }
}
