package dev.orderly.localcloud.demo;

import dev.orderly.localcloud.lambda.FunctionStats;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What one demo run measured and found. {@link #passed()} is true only when every invariant held.
 */
public record Outcome(
    int orders,
    long confirmed,
    Map<String, Long> cancelledByReason,
    Map<String, Long> compensations,
    Map<String, Long> duplicatesSuppressed,
    Duration sagaP50,
    Duration sagaP99,
    Duration endToEndP99,
    double sagasPerSecond,
    Duration wallTime,
    Answered answered,
    Map<String, FunctionStats> functions,
    List<Check> checks) {

  /**
   * The orders whose payment provider answers (every kind but {@code tok_down}, whose saga retries
   * until its back-off is spent): how many, and from the first POST to the last of their sagas'
   * ends.
   */
  public record Answered(int orders, Duration wallTime) {
    public double sagasPerSecond() {
      return orders / Math.max(0.001, wallTime.toMillis() / 1000.0);
    }
  }

  /** One invariant: its name, whether it held, and the evidence either way. */
  public record Check(String name, boolean held, String detail) {}

  public boolean passed() {
    return checks.stream().allMatch(Check::held);
  }
}
