package dev.orderly.localcloud.demo;

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
    List<Check> checks) {

  /** One invariant: its name, whether it held, and the evidence either way. */
  public record Check(String name, boolean held, String detail) {}

  public boolean passed() {
    return checks.stream().allMatch(Check::held);
  }
}
