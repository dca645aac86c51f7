package dev.orderly.localcloud.events;

import java.util.Objects;

/**
 * One target of a rule, as {@code AWS::Events::Rule Targets} declares it: where matched events go
 * (an SQS queue, a Lambda function or a Step Functions state machine, by ARN), what part of the
 * event is sent, how failures are retried and where undeliverable events are kept.
 *
 * @param inputPath optional JSONPath selecting what is sent (e.g. {@code $.detail})
 * @param inputTransformer optional; exclusive with {@code inputPath}
 * @param retryPolicy {@link RetryPolicy#DEFAULT} when null
 * @param deadLetterArn optional SQS queue ARN for events that cannot be delivered
 */
public record TargetSpec(
    String id,
    String arn,
    String inputPath,
    InputTransformerSpec inputTransformer,
    RetryPolicy retryPolicy,
    String deadLetterArn) {
  public TargetSpec {
    Objects.requireNonNull(id, "target Id is required");
    Objects.requireNonNull(arn, "target Arn is required");
    if (inputPath != null && inputTransformer != null) {
      throw new IllegalArgumentException(
          "Target " + id + " sets both InputPath and InputTransformer: only one is allowed");
    }
    retryPolicy = retryPolicy == null ? RetryPolicy.DEFAULT : retryPolicy;
  }

  /** A target that receives the whole event, with the default retry policy and no DLQ. */
  public static TargetSpec of(String id, String arn) {
    return new TargetSpec(id, arn, null, null, null, null);
  }

  public TargetSpec withInputPath(String path) {
    return new TargetSpec(id, arn, path, null, retryPolicy, deadLetterArn);
  }

  public TargetSpec withInputTransformer(InputTransformerSpec transformer) {
    return new TargetSpec(id, arn, null, transformer, retryPolicy, deadLetterArn);
  }

  public TargetSpec withRetryPolicy(RetryPolicy policy) {
    return new TargetSpec(id, arn, inputPath, inputTransformer, policy, deadLetterArn);
  }

  public TargetSpec withDeadLetterArn(String queueArn) {
    return new TargetSpec(id, arn, inputPath, inputTransformer, retryPolicy, queueArn);
  }
}
