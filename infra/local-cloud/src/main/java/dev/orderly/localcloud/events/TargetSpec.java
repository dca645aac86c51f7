package dev.orderly.localcloud.events;

import java.util.Objects;

/**
 * One target of a rule, as {@code AWS::Events::Rule Targets} declares it: where matched events go
 * (an SQS queue, a Lambda function or a Step Functions state machine, by ARN), what part of the
 * event is sent, how failures are retried and where undeliverable events are kept.
 *
 * @param inputPath optional JSONPath selecting what is sent (e.g. {@code $.detail})
 * @param inputTransformer optional; exclusive with {@code inputPath}
 * @param input optional constant JSON sent instead of the event; exclusive with both
 * @param retryPolicy {@link RetryPolicy#DEFAULT} when null
 * @param deadLetterArn optional SQS queue ARN for events that cannot be delivered
 */
public record TargetSpec(
    String id,
    String arn,
    String inputPath,
    InputTransformerSpec inputTransformer,
    RetryPolicy retryPolicy,
    String deadLetterArn,
    String input) {
  public TargetSpec {
    Objects.requireNonNull(id, "target Id is required");
    Objects.requireNonNull(arn, "target Arn is required");
    if ((inputPath != null ? 1 : 0) + (inputTransformer != null ? 1 : 0) + (input != null ? 1 : 0)
        > 1) {
      throw new IllegalArgumentException(
          "Target " + id + " sets more than one of Input, InputPath and InputTransformer");
    }
    retryPolicy = retryPolicy == null ? RetryPolicy.DEFAULT : retryPolicy;
  }

  /** A target without a constant Input. */
  public TargetSpec(
      String id,
      String arn,
      String inputPath,
      InputTransformerSpec inputTransformer,
      RetryPolicy retryPolicy,
      String deadLetterArn) {
    this(id, arn, inputPath, inputTransformer, retryPolicy, deadLetterArn, null);
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

  /** This target receiving {@code json}, a constant, instead of the event. */
  public TargetSpec withInput(String json) {
    return new TargetSpec(id, arn, null, null, retryPolicy, deadLetterArn, json);
  }

  public TargetSpec withRetryPolicy(RetryPolicy policy) {
    return new TargetSpec(id, arn, inputPath, inputTransformer, policy, deadLetterArn, input);
  }

  public TargetSpec withDeadLetterArn(String queueArn) {
    return new TargetSpec(id, arn, inputPath, inputTransformer, retryPolicy, queueArn, input);
  }
}
