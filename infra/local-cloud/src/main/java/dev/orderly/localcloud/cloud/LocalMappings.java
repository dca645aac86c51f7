package dev.orderly.localcloud.cloud;

import dev.orderly.dynamodb.DynamoDbEngine;
import dev.orderly.localcloud.mappings.SqsEventSource;
import dev.orderly.localcloud.mappings.StartingPosition;
import dev.orderly.localcloud.mappings.StreamEventSource;
import dev.orderly.localcloud.spi.FunctionInvoker;
import dev.orderly.localcloud.template.EventSourceMappingSpec;
import dev.orderly.localcloud.template.FunctionSpec;
import java.time.Duration;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * A template's event source mapping as the local cloud runs it: the template's settings, plus the
 * local deviations the README lists — a failed message comes back in seconds instead of after the
 * queue's visibility timeout (90–180 s), and an idle stream is read every 50 ms instead of four
 * times a second, so that a laptop loop does not stall. maxReceiveCount still sends a message to
 * its dead-letter queue.
 */
final class LocalMappings {
  static final Duration FAILED_MESSAGE_VISIBILITY = Duration.ofSeconds(5);

  private LocalMappings() {}

  /**
   * When the messages of an invocation that timed out are received again: 5 s, but never before the
   * function's timeout has passed. A delivery cut off by its timeout may still hold its idempotency
   * record IN_PROGRESS for the rest of the function's timeout; redelivering sooner would only see
   * that record, fail again, and spend the message's receives until it is dead-lettered. Messages
   * that failed otherwise (a reported item failure, an error the function returned, a throttle)
   * come back after {@link #FAILED_MESSAGE_VISIBILITY}: their records were released.
   */
  static Duration timedOutMessageVisibility(FunctionSpec function) {
    Duration timeout = Duration.ofSeconds(function.timeoutSeconds() + 1L);
    return timeout.compareTo(FAILED_MESSAGE_VISIBILITY) > 0 ? timeout : FAILED_MESSAGE_VISIBILITY;
  }

  /** The poller of a queue mapping, not started. */
  static SqsEventSource queue(
      EventSourceMappingSpec mapping,
      FunctionSpec function,
      SqsClient sqs,
      String queueUrl,
      FunctionInvoker functions) {
    return SqsEventSource.builder()
        .sqs(sqs)
        .queueUrl(queueUrl)
        .queueArn(mapping.source().arn())
        .function(mapping.function().name(), functions)
        .batchSize(mapping.batchSize())
        .batchingWindow(Duration.ofSeconds(mapping.maximumBatchingWindowInSeconds()))
        .reportBatchItemFailures(mapping.reportsBatchItemFailures())
        .maximumConcurrency(mapping.maximumConcurrency().orElse(1000))
        .failedMessageVisibility(FAILED_MESSAGE_VISIBILITY)
        .timedOutMessageVisibility(timedOutMessageVisibility(function))
        .build();
  }

  /** The poller of a table stream mapping, to be given its on-failure destination and built. */
  static StreamEventSource.Builder stream(
      EventSourceMappingSpec mapping,
      DynamoDbStreamsClient streams,
      DynamoDbEngine engine,
      String streamArn,
      FunctionInvoker functions) {
    return StreamEventSource.builder()
        .streams(streams)
        .engine(engine)
        .streamArn(streamArn)
        .function(mapping.function().name(), functions)
        .functionArn(mapping.function().arn())
        .startingPosition(
            StartingPosition.valueOf(mapping.startingPosition().orElse("TRIM_HORIZON")))
        .batchSize(mapping.batchSize())
        .batchingWindow(Duration.ofSeconds(mapping.maximumBatchingWindowInSeconds()))
        .filters(mapping.filterPatterns())
        .maximumRetryAttempts(mapping.maximumRetryAttempts())
        .maximumRecordAgeSeconds(mapping.maximumRecordAgeInSeconds())
        .bisectOnError(mapping.bisectBatchOnFunctionError())
        .reportBatchItemFailures(mapping.reportsBatchItemFailures())
        .pollInterval(Duration.ofMillis(50));
  }
}
