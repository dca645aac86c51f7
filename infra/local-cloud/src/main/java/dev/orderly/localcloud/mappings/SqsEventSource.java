package dev.orderly.localcloud.mappings;

import dev.orderly.localcloud.mappings.internal.SqsPolling;
import dev.orderly.localcloud.mappings.internal.SqsSettings;
import dev.orderly.localcloud.spi.FunctionInvoker;
import java.time.Duration;
import java.util.Objects;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * An SQS event source mapping as Lambda runs it: long-polling pollers gather batches (batch size,
 * batching window), invoke the function with Lambda's {@code SQSEvent}, delete the messages of a
 * successful batch, and leave a failed batch for SQS to redeliver after its visibility timeout (and
 * to move to the dead-letter queue after {@code maxReceiveCount}). With {@code
 * ReportBatchItemFailures} only the reported messages stay; an invalid report fails the whole
 * batch. {@code ScalingConfig.MaximumConcurrency} bounds concurrent invocations.
 *
 * <pre>{@code
 * SqsEventSource.builder().sqs(client).queueUrl(url).queueArn(arn)
 *     .function("orderly-dev-start-saga", invoker).batchSize(10)
 *     .batchingWindow(Duration.ofSeconds(1)).reportBatchItemFailures(true)
 *     .maximumConcurrency(10).build().start();
 * }</pre>
 */
public final class SqsEventSource implements EventSourceMapping {
  private final SqsPolling polling;

  private SqsEventSource(SqsSettings settings) {
    this.polling = new SqsPolling(settings);
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public void start() {
    polling.start();
  }

  @Override
  public MappingStats stats() {
    return polling.stats();
  }

  /**
   * Waits until nothing is in flight and the queue holds no message (visible, in flight or
   * delayed).
   */
  @Override
  public boolean awaitIdle(Duration timeout) {
    return polling.awaitIdle(timeout);
  }

  @Override
  public void close() {
    polling.close();
  }

  /** The mapping's settings, with Lambda's defaults: batch 10, no window, no concurrency limit. */
  public static final class Builder {
    private SqsClient sqs;
    private String queueUrl;
    private String queueArn;
    private String functionName;
    private FunctionInvoker invoker;
    private int batchSize = 10;
    private Duration batchingWindow = Duration.ZERO;
    private boolean reportBatchItemFailures;
    private int maximumConcurrency = 1000;
    private int pollers = 5;
    private Duration pollWait = Duration.ofSeconds(1);
    private Duration failedVisibility;
    private Duration timedOutVisibility;

    private Builder() {}

    public Builder sqs(SqsClient sqs) {
      this.sqs = Objects.requireNonNull(sqs, "sqs");
      return this;
    }

    public Builder queueUrl(String queueUrl) {
      this.queueUrl = Objects.requireNonNull(queueUrl, "queueUrl");
      return this;
    }

    /** The queue's ARN: the records' {@code eventSourceARN}, and their {@code awsRegion}. */
    public Builder queueArn(String queueArn) {
      if (!queueArn.matches("arn:[^:]+:sqs:[^:]+:[^:]*:[^:]+")) {
        throw new IllegalArgumentException("Not an SQS queue ARN: " + queueArn);
      }
      this.queueArn = queueArn;
      return this;
    }

    public Builder function(String functionName, FunctionInvoker invoker) {
      this.functionName = Objects.requireNonNull(functionName, "functionName");
      this.invoker = Objects.requireNonNull(invoker, "invoker");
      return this;
    }

    /** {@code BatchSize}: 1 to 10,000 (more than 10 needs a batching window, as in Lambda). */
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

    /** {@code FunctionResponseTypes: [ReportBatchItemFailures]}. */
    public Builder reportBatchItemFailures(boolean enabled) {
      this.reportBatchItemFailures = enabled;
      return this;
    }

    /** {@code ScalingConfig.MaximumConcurrency}: 2 to 1000 concurrent invocations. */
    public Builder maximumConcurrency(int maximumConcurrency) {
      if (maximumConcurrency < 2 || maximumConcurrency > 1000) {
        throw new IllegalArgumentException(
            "MaximumConcurrency must be 2..1000: " + maximumConcurrency);
      }
      this.maximumConcurrency = maximumConcurrency;
      return this;
    }

    /** Poller threads (Lambda starts with 5); each gathers one batch at a time. */
    public Builder pollers(int pollers) {
      if (pollers < 1 || pollers > 100) {
        throw new IllegalArgumentException("pollers must be 1..100: " + pollers);
      }
      this.pollers = pollers;
      return this;
    }

    /**
     * The longest wait of one ReceiveMessage, 1 to 20 s. Lambda long-polls 20 s; the local default
     * of 1 s lets {@link #close} return within about a second.
     */
    public Builder pollWait(Duration pollWait) {
      if (pollWait.toSeconds() < 1 || pollWait.toSeconds() > 20) {
        throw new IllegalArgumentException("pollWait must be 1..20 s: " + pollWait);
      }
      this.pollWait = pollWait;
      return this;
    }

    /**
     * A local convenience, off by default (AWS semantics): failed messages are made visible again
     * after {@code visibility} (ChangeMessageVisibility) instead of after the queue's visibility
     * timeout, so that retries and redrive to the dead-letter queue happen in seconds, not minutes.
     */
    public Builder failedMessageVisibility(Duration visibility) {
      this.failedVisibility = checkedVisibility(visibility);
      return this;
    }

    /**
     * With {@link #failedMessageVisibility}: when the messages of an invocation that timed out come
     * back instead (by default, as failed ones). An invocation cut off by its timeout may still
     * hold idempotency records in progress until then.
     */
    public Builder timedOutMessageVisibility(Duration visibility) {
      this.timedOutVisibility = checkedVisibility(visibility);
      return this;
    }

    private static Duration checkedVisibility(Duration visibility) {
      if (visibility != null && (visibility.isNegative() || visibility.toSeconds() > 43_200)) {
        throw new IllegalArgumentException("visibility must be 0..43200 s: " + visibility);
      }
      return visibility;
    }

    public SqsEventSource build() {
      Objects.requireNonNull(sqs, "sqs");
      Objects.requireNonNull(queueUrl, "queueUrl");
      Objects.requireNonNull(queueArn, "queueArn");
      Objects.requireNonNull(functionName, "function");
      if (batchSize > 10 && batchingWindow.toSeconds() < 1) {
        throw new IllegalArgumentException(
            "A BatchSize over 10 needs MaximumBatchingWindowInSeconds of at least 1");
      }
      if (queueArn.endsWith(".fifo") && batchSize > 10) {
        throw new IllegalArgumentException("A FIFO queue's BatchSize is at most 10: " + batchSize);
      }
      return new SqsEventSource(
          new SqsSettings(
              sqs,
              queueUrl,
              queueArn,
              queueArn.split(":")[3],
              functionName,
              invoker,
              batchSize,
              batchingWindow,
              reportBatchItemFailures,
              maximumConcurrency,
              Math.min(pollers, maximumConcurrency),
              pollWait,
              failedVisibility,
              timedOutVisibility == null ? failedVisibility : timedOutVisibility));
    }
  }
}
