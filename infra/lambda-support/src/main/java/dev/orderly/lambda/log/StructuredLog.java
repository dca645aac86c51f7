package dev.orderly.lambda.log;

import com.amazonaws.services.lambda.runtime.Context;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A function's structured log: one JSON object per line on stdout (what CloudWatch Logs and Logs
 * Insights read), every line carrying the service, function, request id, cold start and correlation
 * id; metrics in CloudWatch Embedded Metric Format on the same stream. No logging framework:
 * nothing to initialise at cold start.
 */
public final class StructuredLog {
  private final String service;
  private final Clock clock;
  private final PrintStream out;
  private final AtomicBoolean cold = new AtomicBoolean(true);

  public StructuredLog(String service, Clock clock, PrintStream out) {
    this.service = Objects.requireNonNull(service, "service");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.out = Objects.requireNonNull(out, "out");
  }

  public static StructuredLog stdout(String service) {
    return new StructuredLog(service, Clock.systemUTC(), System.out);
  }

  /** The log of one invocation; the first one of this instance is the cold start. */
  public Invocation begin(Context context, String correlationId) {
    String function = context == null ? "local" : context.getFunctionName();
    String requestId = context == null ? "local" : context.getAwsRequestId();
    return new Invocation(
        service, function, requestId, cold.getAndSet(false), correlationId, clock, out);
  }
}
