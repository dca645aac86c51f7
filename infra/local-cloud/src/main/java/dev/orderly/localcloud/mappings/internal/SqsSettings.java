package dev.orderly.localcloud.mappings.internal;

import dev.orderly.localcloud.spi.FunctionInvoker;
import java.time.Duration;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * A validated SQS mapping.
 *
 * @param pollWait the longest single ReceiveMessage wait (Lambda waits 20 s; shorter here so that
 *     close returns promptly)
 * @param failedVisibility null to keep SQS's visibility timeout for failed messages (AWS); else
 *     failed messages are made visible again after this long
 * @param timedOutVisibility the same for the messages of an invocation that timed out (null: as
 *     {@code failedVisibility})
 */
public record SqsSettings(
    SqsClient sqs,
    String queueUrl,
    String queueArn,
    String region,
    String functionName,
    FunctionInvoker invoker,
    int batchSize,
    Duration batchingWindow,
    boolean reportBatchItemFailures,
    int maximumConcurrency,
    int pollers,
    Duration pollWait,
    Duration failedVisibility,
    Duration timedOutVisibility) {}
