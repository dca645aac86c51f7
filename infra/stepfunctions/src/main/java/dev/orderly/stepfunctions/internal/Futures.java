package dev.orderly.stepfunctions.internal;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Unwrapping what futures wrap around a failure. */
public final class Futures {
  private Futures() {}

  /** The original failure behind CompletionException / ExecutionException layers. */
  public static RuntimeException unwrap(Throwable failure) {
    Throwable cause = failure;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof RuntimeException runtime) {
      return runtime;
    }
    if (cause instanceof Error error) {
      throw error;
    }
    return new CompletionException(cause);
  }
}
