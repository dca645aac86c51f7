package dev.orderly.orders.handler;

/**
 * A saga task's payload is not what the contract (functions/README.md) says: a defect in the state
 * machine's definition, which no retry can mend.
 */
public final class InvalidTaskPayload extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public InvalidTaskPayload(String message) {
    super(message);
  }
}
