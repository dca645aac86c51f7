package dev.orderly.idempotency;

/**
 * What happened to one delivery. Callers that must answer differently per case (an HTTP API: replay
 * header, 409, 422) switch on this; others use {@link Idempotency#execute}, which turns the last
 * two into exceptions.
 */
public sealed interface Outcome<R>
    permits Outcome.Executed, Outcome.Replayed, Outcome.InProgress, Outcome.PayloadMismatch {

  /** The handler ran now (first delivery, or a retry after a failure or an expiry). */
  record Executed<R>(R result) implements Outcome<R> {}

  /** An earlier delivery completed; this is its stored result. The handler did not run. */
  record Replayed<R>(R result) implements Outcome<R> {}

  /** Another delivery of the same key is running now; retry later. */
  record InProgress<R>(String key) implements Outcome<R> {}

  /** The key was used before with a different payload. */
  record PayloadMismatch<R>(String key) implements Outcome<R> {}
}
