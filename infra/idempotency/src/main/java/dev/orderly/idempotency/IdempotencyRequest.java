package dev.orderly.idempotency;

import java.time.Duration;

/**
 * One delivery to deduplicate: its key (null when the delivery carries none), the payload whose
 * hash guards against a reused key, and how long the handler has left to run (a Lambda's remaining
 * time), which bounds how long its claim blocks duplicates if it crashes.
 */
public record IdempotencyRequest(String key, byte[] payload, Duration remainingTime) {

  public static IdempotencyRequest of(String key, byte[] payload) {
    return new IdempotencyRequest(key, payload, null);
  }

  /** A delivery to a Lambda function: its claim lasts no longer than the invocation can. */
  public static IdempotencyRequest of(
      String key, byte[] payload, com.amazonaws.services.lambda.runtime.Context context) {
    return new IdempotencyRequest(
        key,
        payload,
        context == null ? null : Duration.ofMillis(context.getRemainingTimeInMillis()));
  }

  public IdempotencyRequest withRemainingTime(Duration remaining) {
    return new IdempotencyRequest(key, payload, remaining);
  }

  boolean hasKey() {
    return key != null && !key.isBlank();
  }
}
