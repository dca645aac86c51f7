package dev.orderly.localcloud.template;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** An {@code AWS::SQS::Queue}, with SQS's defaults where the template sets nothing. */
public record QueueSpec(
    String logicalId,
    String name,
    String url,
    String arn,
    boolean fifo,
    boolean contentBasedDeduplication,
    int visibilityTimeoutSeconds,
    int messageRetentionPeriodSeconds,
    int delaySeconds,
    int maximumMessageSize,
    int receiveMessageWaitTimeSeconds,
    Optional<Redrive> redrive,
    Optional<RedriveAllow> redriveAllow) {
  public QueueSpec {
    Objects.requireNonNull(logicalId, "logicalId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(arn, "arn");
    Objects.requireNonNull(redrive, "redrive");
    Objects.requireNonNull(redriveAllow, "redriveAllow");
  }

  /** RedrivePolicy: after {@code maxReceiveCount} receives a message moves to the DLQ. */
  public record Redrive(ResourceRef deadLetterQueue, int maxReceiveCount) {}

  /** RedriveAllowPolicy: allowAll, denyAll, or byQueue with the source queues' ARNs. */
  public record RedriveAllow(String redrivePermission, List<String> sourceQueueArns) {
    public RedriveAllow {
      Objects.requireNonNull(redrivePermission, "redrivePermission");
      sourceQueueArns = Copies.list(sourceQueueArns);
    }
  }
}
