package dev.orderly.localcloud.mappings;

import dev.orderly.dynamodb.DynamoDbEngine;
import dev.orderly.localcloud.mappings.internal.ShardReader;
import dev.orderly.localcloud.mappings.internal.StreamPolling;
import dev.orderly.localcloud.mappings.internal.StreamSettings;
import dev.orderly.localcloud.spi.FunctionInvoker;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * A DynamoDB Streams event source mapping as Lambda runs it: each shard read in order through the
 * Streams API, records filtered by {@code FilterCriteria}, batches invoked with Lambda's {@code
 * DynamodbEvent}; a failed batch is retried ({@code MaximumRetryAttempts}, {@code
 * MaximumRecordAgeInSeconds}), bisected ({@code BisectBatchOnFunctionError}) or resumed from the
 * first reported failure ({@code ReportBatchItemFailures}), and what is given up on is described to
 * the on-failure SQS destination. The next batch of a shard waits for the previous one.
 *
 * <pre>{@code
 * StreamEventSource.builder().streams(streamsClient).streamArn(arn)
 *     .function("orderly-dev-outbox-relay", invoker).startingPosition(TRIM_HORIZON)
 *     .batchSize(100).batchingWindow(Duration.ofSeconds(1))
 *     .filters(List.of("{\"eventName\": [\"INSERT\"]}")).maximumRetryAttempts(10)
 *     .bisectOnError(true).reportBatchItemFailures(true).onFailure(sqs, dlqUrl).build().start();
 * }</pre>
 */
public final class StreamEventSource implements EventSourceMapping {
  private final StreamPolling polling;

  private StreamEventSource(StreamSettings settings) {
    this.polling = new StreamPolling(settings);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Finds the stream's shards and starts reading them (LATEST is taken now). */
  @Override
  public void start() {
    polling.start();
  }

  @Override
  public MappingStats stats() {
    return polling.stats();
  }

  /** Waits until every shard has been read to its end and no batch is in flight or retrying. */
  @Override
  public boolean awaitIdle(Duration timeout) {
    return polling.awaitIdle(timeout);
  }

  @Override
  public void close() {
    polling.close();
  }

  /** The mapping's settings with Lambda's defaults: batch 100, no window, retries until expiry. */
  public static final class Builder {
    private DynamoDbStreamsClient streams;
    private DynamoDbEngine engine;
    private String streamArn;
    private String functionName;
    private String functionArn;
    private FunctionInvoker invoker;
    private StartingPosition startingPosition;
    private int batchSize = 100;
    private Duration batchingWindow = Duration.ZERO;
    private List<String> filters = List.of();
    private int maximumRetryAttempts = -1;
    private Duration maximumRecordAge;
    private boolean bisectOnError;
    private boolean reportBatchItemFailures;
    private SqsClient onFailureSqs;
    private String onFailureQueueUrl;
    private Clock clock = Clock.systemUTC();
    private Supplier<String> requestIds = () -> UUID.randomUUID().toString();
    private Duration pollInterval = Duration.ofMillis(250);
    private Duration retryBackoff = Duration.ofMillis(100);

    private Builder() {}

    public Builder streams(DynamoDbStreamsClient streams) {
      this.streams = Objects.requireNonNull(streams, "streams");
      return this;
    }

    /**
     * The engine in this JVM that holds the stream: records are then read from it directly, as
     * JSON, instead of through the {@link #streams} client's model (which still lists the shards).
     */
    public Builder engine(DynamoDbEngine engine) {
      this.engine = Objects.requireNonNull(engine, "engine");
      return this;
    }

    /** The table's {@code LatestStreamArn}: the records' {@code eventSourceARN}. */
    public Builder streamArn(String streamArn) {
      if (!streamArn.matches("arn:[^:]+:dynamodb:[^:]+:[^:]*:table/[^/]+/stream/.+")) {
        throw new IllegalArgumentException("Not a DynamoDB stream ARN: " + streamArn);
      }
      this.streamArn = streamArn;
      return this;
    }

    public Builder function(String functionName, FunctionInvoker invoker) {
      this.functionName = Objects.requireNonNull(functionName, "functionName");
      this.invoker = Objects.requireNonNull(invoker, "invoker");
      return this;
    }

    /**
     * The function's ARN for the on-failure record's {@code functionArn}; by default built from the
     * stream's region and account and the function name.
     */
    public Builder functionArn(String functionArn) {
      this.functionArn = Objects.requireNonNull(functionArn, "functionArn");
      return this;
    }

    public Builder startingPosition(StartingPosition startingPosition) {
      this.startingPosition = Objects.requireNonNull(startingPosition, "startingPosition");
      return this;
    }

    /** {@code BatchSize}: 1 to 10,000. */
    public Builder batchSize(int batchSize) {
      if (batchSize < 1 || batchSize > 10_000) {
        throw new IllegalArgumentException("BatchSize must be 1..10000: " + batchSize);
      }
      this.batchSize = batchSize;
      return this;
    }

    /** {@code MaximumBatchingWindowInSeconds}: 0 to 300 s. */
    public Builder batchingWindow(Duration window) {
      if (window.isNegative() || window.compareTo(Duration.ofSeconds(300)) > 0) {
        throw new IllegalArgumentException(
            "MaximumBatchingWindowInSeconds must be 0..300: " + window.toSeconds());
      }
      this.batchingWindow = window;
      return this;
    }

    /** {@code FilterCriteria.Filters[].Pattern}: event patterns; a record passes if any matches. */
    public Builder filters(List<String> patterns) {
      if (patterns.size() > 5) {
        throw new IllegalArgumentException("At most 5 filters per mapping: " + patterns.size());
      }
      this.filters = List.copyOf(patterns);
      return this;
    }

    /** {@code MaximumRetryAttempts}: -1 (until the records expire) to 10,000. */
    public Builder maximumRetryAttempts(int attempts) {
      if (attempts < -1 || attempts > 10_000) {
        throw new IllegalArgumentException("MaximumRetryAttempts must be -1..10000: " + attempts);
      }
      this.maximumRetryAttempts = attempts;
      return this;
    }

    /** {@code MaximumRecordAgeInSeconds}: -1 (until the records expire) or 60 to 604,800. */
    public Builder maximumRecordAgeSeconds(int seconds) {
      if (seconds != -1 && (seconds < 60 || seconds > 604_800)) {
        throw new IllegalArgumentException(
            "MaximumRecordAgeInSeconds must be -1 or 60..604800: " + seconds);
      }
      this.maximumRecordAge = seconds == -1 ? null : Duration.ofSeconds(seconds);
      return this;
    }

    /** {@code BisectBatchOnFunctionError}. */
    public Builder bisectOnError(boolean bisect) {
      this.bisectOnError = bisect;
      return this;
    }

    /** {@code FunctionResponseTypes: [ReportBatchItemFailures]}. */
    public Builder reportBatchItemFailures(boolean enabled) {
      this.reportBatchItemFailures = enabled;
      return this;
    }

    /** {@code DestinationConfig.OnFailure}: an SQS queue. */
    public Builder onFailure(SqsClient sqs, String queueUrl) {
      this.onFailureSqs = Objects.requireNonNull(sqs, "sqs");
      this.onFailureQueueUrl = Objects.requireNonNull(queueUrl, "queueUrl");
      return this;
    }

    /** The clock for record ages and the on-failure record's timestamp. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The on-failure record's {@code requestId}s. */
    public Builder requestIds(Supplier<String> requestIds) {
      this.requestIds = Objects.requireNonNull(requestIds, "requestIds");
      return this;
    }

    /** How often an idle shard is read (Lambda: 4 times a second). */
    public Builder pollInterval(Duration interval) {
      if (interval.isNegative() || interval.isZero()) {
        throw new IllegalArgumentException("pollInterval must be positive: " + interval);
      }
      this.pollInterval = interval;
      return this;
    }

    /** The pause before a failed batch is retried (bisected halves run at once). */
    public Builder retryBackoff(Duration backoff) {
      if (backoff.isNegative()) {
        throw new IllegalArgumentException("retryBackoff must not be negative: " + backoff);
      }
      this.retryBackoff = backoff;
      return this;
    }

    public StreamEventSource build() {
      Objects.requireNonNull(streams, "streams");
      Objects.requireNonNull(streamArn, "streamArn");
      Objects.requireNonNull(functionName, "function");
      Objects.requireNonNull(startingPosition, "startingPosition is required for streams");
      String[] arn = streamArn.split(":");
      String function =
          functionArn != null
              ? functionArn
              : functionName.startsWith("arn:")
                  ? functionName
                  : "arn:"
                      + arn[1]
                      + ":lambda:"
                      + arn[3]
                      + ":"
                      + arn[4]
                      + ":function:"
                      + functionName;
      return new StreamEventSource(
          new StreamSettings(
              streams,
              engine == null
                  ? ShardReader.sdk(streams, streamArn)
                  : ShardReader.engine(engine, streamArn),
              streamArn,
              functionName,
              function,
              invoker,
              startingPosition,
              batchSize,
              batchingWindow,
              filters,
              maximumRetryAttempts,
              maximumRecordAge,
              bisectOnError,
              reportBatchItemFailures,
              onFailureSqs,
              onFailureQueueUrl,
              clock,
              requestIds,
              pollInterval,
              retryBackoff));
    }
  }
}
