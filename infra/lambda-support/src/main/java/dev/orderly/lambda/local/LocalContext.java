package dev.orderly.lambda.local;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The {@link Context} the Lambda runtime hands a handler, for running handlers outside Lambda: the
 * local cloud and tests. The remaining time counts down on an injected clock from a deadline fixed
 * at construction — the invocation start plus the function's {@code Timeout} — so a handler that
 * checks {@link #getRemainingTimeInMillis()} sees what it would see in Lambda, and a test with a
 * fixed clock sees the same number every run.
 */
public final class LocalContext implements Context {
  private static final String ACCOUNT = "000000000000";

  private final String functionName;
  private final String requestId;
  private final String region;
  private final int memoryMb;
  private final Clock clock;
  private final Instant deadline;
  private final LambdaLogger logger;

  private LocalContext(Builder b) {
    this.functionName = b.functionName;
    this.requestId = b.requestId;
    this.region = b.region;
    this.memoryMb = b.memoryMb;
    this.clock = b.clock;
    this.deadline = b.clock.instant().plus(b.timeout);
    this.logger = new StreamLogger(b.log);
  }

  /** A context for one invocation of {@code functionName}: 512 MB, 30 s, the system clock. */
  public static LocalContext of(String functionName, String requestId) {
    return builder(functionName).requestId(requestId).build();
  }

  public static Builder builder(String functionName) {
    return new Builder(functionName);
  }

  /** The instant the function's timeout expires. */
  public Instant deadline() {
    return deadline;
  }

  /** Whether the function's timeout has passed. */
  public boolean expired() {
    return !clock.instant().isBefore(deadline);
  }

  @Override
  public String getAwsRequestId() {
    return requestId;
  }

  @Override
  public String getLogGroupName() {
    return "/aws/lambda/" + functionName;
  }

  @Override
  public String getLogStreamName() {
    return "local";
  }

  @Override
  public String getFunctionName() {
    return functionName;
  }

  @Override
  public String getFunctionVersion() {
    return "$LATEST";
  }

  @Override
  public String getInvokedFunctionArn() {
    return "arn:aws:lambda:" + region + ":" + ACCOUNT + ":function:" + functionName;
  }

  @Override
  public CognitoIdentity getIdentity() {
    return null;
  }

  @Override
  public ClientContext getClientContext() {
    return null;
  }

  @Override
  public int getRemainingTimeInMillis() {
    long left = Duration.between(clock.instant(), deadline).toMillis();
    return (int) Math.max(0, Math.min(Integer.MAX_VALUE, left));
  }

  @Override
  public int getMemoryLimitInMB() {
    return memoryMb;
  }

  @Override
  public LambdaLogger getLogger() {
    return logger;
  }

  /** Everything but the function name has the Lambda defaults (512 MB, 30 s) or a fresh value. */
  public static final class Builder {
    private final String functionName;
    private String requestId = java.util.UUID.randomUUID().toString();
    private String region = "us-east-1";
    private int memoryMb = 512;
    private Duration timeout = Duration.ofSeconds(30);
    private Clock clock = Clock.systemUTC();
    private PrintStream log = System.out;

    private Builder(String functionName) {
      this.functionName = Objects.requireNonNull(functionName, "functionName");
    }

    public Builder requestId(String requestId) {
      this.requestId = Objects.requireNonNull(requestId, "requestId");
      return this;
    }

    public Builder region(String region) {
      this.region = Objects.requireNonNull(region, "region");
      return this;
    }

    public Builder memoryMb(int memoryMb) {
      if (memoryMb < 128 || memoryMb > 10_240) {
        throw new IllegalArgumentException("MemorySize must be 128–10240 MB, was " + memoryMb);
      }
      this.memoryMb = memoryMb;
      return this;
    }

    public Builder timeout(Duration timeout) {
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("Timeout must be positive, was " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Where {@link LambdaLogger} writes (standard output by default, as in Lambda). */
    public Builder log(PrintStream log) {
      this.log = Objects.requireNonNull(log, "log");
      return this;
    }

    public LocalContext build() {
      return new LocalContext(this);
    }
  }

  private static final class StreamLogger implements LambdaLogger {
    private final PrintStream out;

    StreamLogger(PrintStream out) {
      this.out = out;
    }

    @Override
    public void log(String message) {
      out.println(message);
    }

    @Override
    public void log(byte[] message) {
      out.println(new String(message, StandardCharsets.UTF_8));
    }
  }
}
