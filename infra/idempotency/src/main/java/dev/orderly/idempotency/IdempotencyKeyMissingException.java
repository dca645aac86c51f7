package dev.orderly.idempotency;

/** A delivery came without an idempotency key and the policy is to refuse such deliveries. */
public final class IdempotencyKeyMissingException extends IdempotencyException {
  private static final long serialVersionUID = 1L;

  public IdempotencyKeyMissingException() {
    super("The request has no idempotency key");
  }
}
