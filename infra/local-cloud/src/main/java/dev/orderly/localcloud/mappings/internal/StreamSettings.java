package dev.orderly.localcloud.mappings.internal;

import dev.orderly.localcloud.mappings.StartingPosition;
import dev.orderly.localcloud.spi.FunctionInvoker;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * A validated DynamoDB stream mapping.
 *
 * @param maximumRetryAttempts -1 for until the records expire
 * @param maximumRecordAge null for until the records expire (24 hours)
 * @param onFailureSqs null when there is no on-failure destination
 */
public record StreamSettings(
    DynamoDbStreamsClient streams,
    ShardReader reader,
    String streamArn,
    String functionName,
    String functionArn,
    FunctionInvoker invoker,
    StartingPosition startingPosition,
    int batchSize,
    Duration batchingWindow,
    List<String> filters,
    int maximumRetryAttempts,
    Duration maximumRecordAge,
    boolean bisectOnError,
    boolean reportBatchItemFailures,
    SqsClient onFailureSqs,
    String onFailureQueueUrl,
    Clock clock,
    Supplier<String> requestIds,
    Duration pollInterval,
    Duration retryBackoff) {}
