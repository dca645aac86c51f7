package dev.orderly.localcloud.demo;

import dev.orderly.localcloud.lambda.FunctionStats;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;

/** The demo's closing report. */
final class Summary {
  private final PrintStream out;

  Summary(PrintStream out) {
    this.out = out;
  }

  void print(Outcome o, ApiClient api, Duration total) {
    out.println();
    out.printf(
        "orders      %d placed · %d confirmed · %d cancelled%n",
        o.orders(),
        o.confirmed(),
        o.cancelledByReason().values().stream().mapToLong(Long::longValue).sum());
    o.cancelledByReason()
        .forEach((reason, n) -> out.printf("            cancelled %-20s %d%n", reason, n));
    out.println("compensations run");
    o.compensations().forEach((step, n) -> out.printf("            %-40s %d%n", step, n));
    out.println("duplicates suppressed");
    o.duplicatesSuppressed().forEach((what, n) -> out.printf("            %-55s %d%n", what, n));
    out.printf(
        "client      retried with the same Idempotency-Key: %d answers 429, %d IDEMPOTENCY_KEY_IN_USE,"
            + " %d 5xx%n",
        api.throttled.get(), api.inProgress.get(), api.serverErrors.get());
    out.printf(
        "saga        p50 %s · p99 %s (execution start to stop); p99 POST /orders to saga end %s%n",
        millis(o.sagaP50()), millis(o.sagaP99()), millis(o.endToEndP99()));
    out.printf(
        "throughput  %.1f sagas/s (%d orders, first POST to last saga end %s); whole demo %s%n",
        o.sagasPerSecond(), o.orders(), millis(o.wallTime()), millis(total));
    int down = o.orders() - o.answered().orders();
    if (down > 0) {
      out.printf(
          "            %.1f sagas/s for the %d orders whose provider answers (first POST to the"
              + " last of their sagas' ends %s); %s tok_down waits out the saga's retry back-off"
              + " in real time%n",
          o.answered().sagasPerSecond(),
          o.answered().orders(),
          millis(o.answered().wallTime()),
          down == 1 ? "the 1 order paying with" : "the " + down + " orders paying with");
    }
    functions(o.functions());
    out.println("invariants");
    for (Outcome.Check check : o.checks()) {
      out.printf("  %s %-36s %s%n", check.held() ? "ok  " : "FAIL", check.name(), check.detail());
    }
    out.println(o.passed() ? "all invariants held" : "INVARIANTS FAILED");
  }

  private void functions(Map<String, FunctionStats> functions) {
    long invocations = 0;
    long coldStarts = 0;
    long throttles = 0;
    Duration init = Duration.ZERO;
    StringBuilder throttled = new StringBuilder();
    for (Map.Entry<String, FunctionStats> e : functions.entrySet()) {
      FunctionStats stats = e.getValue();
      invocations += stats.invocations();
      coldStarts += stats.coldStarts();
      init = init.plus(stats.initDuration());
      throttles += stats.throttles();
      if (stats.throttles() > 0) {
        throttled
            .append(throttled.length() == 0 ? ": " : ", ")
            .append(e.getKey())
            .append(' ')
            .append(stats.throttles())
            .append(" (at most ")
            .append(stats.concurrentMax())
            .append(" at once)");
      }
    }
    out.printf(
        "functions   %d invocations · %d cold starts (%s in their constructors, summed over"
            + " concurrent ones) · %d throttled%s%n",
        invocations, coldStarts, millis(init), throttles, throttled);
  }

  private static String millis(Duration d) {
    return d.toMillis() >= 10_000
        ? String.format("%.1f s", d.toMillis() / 1000.0)
        : d.toMillis() + " ms";
  }
}
