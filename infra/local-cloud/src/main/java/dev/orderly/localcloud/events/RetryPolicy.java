package dev.orderly.localcloud.events;

/**
 * A target's {@code RetryPolicy}: how many times a failed delivery is retried and how old an event
 * may grow before EventBridge gives up on it. AWS's defaults, and limits, apply: 185 retries over
 * at most 24 hours; at least 60 seconds of age.
 *
 * @param maximumRetryAttempts retries after the first attempt, 0 to 185
 * @param maximumEventAgeInSeconds 60 to 86400
 */
public record RetryPolicy(int maximumRetryAttempts, int maximumEventAgeInSeconds) {
  /** EventBridge's default: 185 retries, 24 hours. */
  public static final RetryPolicy DEFAULT = new RetryPolicy(185, 86_400);

  public RetryPolicy {
    if (maximumRetryAttempts < 0 || maximumRetryAttempts > 185) {
      throw new IllegalArgumentException(
          "MaximumRetryAttempts must be between 0 and 185, was " + maximumRetryAttempts);
    }
    if (maximumEventAgeInSeconds < 60 || maximumEventAgeInSeconds > 86_400) {
      throw new IllegalArgumentException(
          "MaximumEventAgeInSeconds must be between 60 and 86400, was " + maximumEventAgeInSeconds);
    }
  }
}
