package dev.orderly.stepfunctions.internal.errors;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One entry of a Retry field, with the specification's defaults: IntervalSeconds 1, MaxAttempts 3
 * (0 means never), BackoffRate 2.0, no MaxDelaySeconds, JitterStrategy NONE.
 */
public record Retrier(
    List<String> errorEquals,
    double intervalSeconds,
    int maxAttempts,
    double backoffRate,
    Double maxDelaySeconds,
    boolean fullJitter) {

  public Retrier {
    errorEquals = List.copyOf(errorEquals);
  }

  public static Retrier parse(JsonNode node) {
    List<String> errors = new ArrayList<>();
    node.path("ErrorEquals").forEach(e -> errors.add(e.asText()));
    return new Retrier(
        errors,
        node.path("IntervalSeconds").asDouble(1),
        node.path("MaxAttempts").asInt(3),
        node.path("BackoffRate").asDouble(2.0),
        node.has("MaxDelaySeconds") ? node.get("MaxDelaySeconds").asDouble() : null,
        "FULL".equals(node.path("JitterStrategy").asText("NONE")));
  }

  /**
   * The wait before retry number {@code attempt} (1 for the first retry): interval × rate^(n-1),
   * capped by MaxDelaySeconds, then, with FULL jitter, a uniform draw below it.
   *
   * @param random a draw in [0, 1) used only for jitter
   */
  public Duration delay(int attempt, double random) {
    double seconds = intervalSeconds * Math.pow(backoffRate, attempt - 1);
    if (maxDelaySeconds != null) {
      seconds = Math.min(seconds, maxDelaySeconds);
    }
    if (fullJitter) {
      seconds = seconds * random;
    }
    return Duration.ofNanos((long) (seconds * 1_000_000_000L));
  }
}
