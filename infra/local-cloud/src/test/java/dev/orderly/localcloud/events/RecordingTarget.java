package dev.orderly.localcloud.events;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.IntFunction;

/**
 * A fake target: records every attempt's input and answers the n-th attempt (0-based) as {@code
 * outcomes} says (null for success, an exception to fail).
 */
final class RecordingTarget implements EventTarget {
  private final List<String> attempts = new ArrayList<>();
  private final IntFunction<RuntimeException> outcomes;

  RecordingTarget(IntFunction<RuntimeException> outcomes) {
    this.outcomes = outcomes;
  }

  static RecordingTarget accepting() {
    return new RecordingTarget(attempt -> null);
  }

  /** Fails the first {@code failures} attempts with a retryable THROTTLING error. */
  static RecordingTarget failingFirst(int failures) {
    return new RecordingTarget(
        attempt ->
            attempt < failures
                ? new TargetDeliveryException("THROTTLING", "slow down (" + attempt + ")", true)
                : null);
  }

  @Override
  public synchronized CompletionStage<Void> deliver(String targetArn, String input) {
    int attempt = attempts.size();
    attempts.add(input);
    RuntimeException failure = outcomes.apply(attempt);
    return failure == null
        ? CompletableFuture.completedFuture(null)
        : CompletableFuture.failedFuture(failure);
  }

  synchronized List<String> attempts() {
    return List.copyOf(attempts);
  }
}
