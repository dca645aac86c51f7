package dev.orderly.localcloud.mappings.internal;

/** How one invocation of a stream batch ended. */
sealed interface Outcome {
  /** Every record succeeded: checkpoint after the batch. */
  record Succeeded() implements Outcome {}

  /** The function did not run (throttled or missing): retry without using a retry attempt. */
  record Throttled() implements Outcome {}

  /** Records before {@code index} succeeded; retry from it. */
  record PartiallyFailed(int index) implements Outcome {}

  /** The whole batch failed; {@code functionError} is null for an invalid batch response. */
  record Failed(String functionError) implements Outcome {}
}
