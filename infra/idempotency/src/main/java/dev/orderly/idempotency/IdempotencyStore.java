package dev.orderly.idempotency;

/**
 * Where idempotency records live. A claim is one atomic conditional write that either takes the key
 * or hands back the record that holds it, so a duplicate costs exactly one call.
 */
public interface IdempotencyStore {

  /** The result of a claim: the key is ours, or another record holds it. */
  sealed interface Claim permits Claim.Acquired, Claim.Held {
    /** The key was free (or its record expired): the caller runs the handler. */
    record Acquired() implements Claim {}

    /** A live record holds the key: completed (replay it) or in progress (someone else runs). */
    record Held(IdempotencyRecord existing) implements Claim {}
  }

  /**
   * Writes {@code inProgress} if no record exists for its key or the existing one is claimable at
   * {@code now} (see {@link IdempotencyRecord#claimableAt}); otherwise returns the holder.
   */
  Claim claim(IdempotencyRecord inProgress, java.time.Instant now);

  /**
   * Replaces the caller's in-progress record with its completed form, if the caller still owns it.
   */
  void complete(IdempotencyRecord completed);

  /**
   * Deletes the caller's in-progress record so that a retry can run, if the caller still owns it.
   */
  void release(IdempotencyRecord inProgress);
}
