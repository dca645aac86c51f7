package dev.orderly.localcloud.events.internal;

import dev.orderly.localcloud.events.EventBridgeException;
import dev.orderly.localcloud.events.EventTarget;
import dev.orderly.localcloud.events.StateMachineStarter;
import dev.orderly.localcloud.spi.FunctionInvoker;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * Finds the {@link EventTarget} for a target ARN: one registered for that exact ARN, else by the
 * ARN's service (SQS queue, Lambda function, Step Functions state machine). Rules are checked when
 * they are created, so an unsupported or unwired target fails then, not at delivery.
 */
public final class TargetRouter {
  private final Map<String, EventTarget> registered;
  private final SqsClient sqs;
  private final Function<String, String> queueUrls;
  private final EventTarget queues;
  private final EventTarget functions;
  private final EventTarget stateMachines;

  public TargetRouter(
      Map<String, EventTarget> registered,
      SqsClient sqs,
      Function<String, String> queueUrls,
      FunctionInvoker functions,
      StateMachineStarter stateMachines) {
    this.registered = Map.copyOf(registered);
    this.sqs = sqs;
    this.queueUrls = queueUrls;
    this.queues = sqs == null || queueUrls == null ? null : new SqsTarget(sqs, queueUrls);
    this.functions = functions == null ? null : new LambdaTarget(functions);
    this.stateMachines =
        stateMachines == null
            ? null
            : (arn, input) -> {
              stateMachines.startExecution(arn, input);
              return CompletableFuture.completedFuture(null);
            };
  }

  /**
   * The target for {@code arn}.
   *
   * @throws EventBridgeException (ValidationException) when the ARN's kind is unsupported or the
   *     bus was built without the client it needs
   */
  public EventTarget target(String arn) {
    EventTarget target = registered.get(arn);
    if (target != null) {
      return target;
    }
    String service = Arns.service(arn);
    if ("sqs".equals(service)) {
      if (arn.endsWith(".fifo")) {
        throw EventBridgeException.validation(
            "Target " + arn + " is a FIFO queue: SqsParameters are not supported locally");
      }
      return wired(queues, arn, "an SqsClient and a queue URL resolver");
    }
    if ("lambda".equals(service) && arn.contains(":function:")) {
      return wired(functions, arn, "a FunctionInvoker");
    }
    if ("states".equals(service) && arn.contains(":stateMachine:")) {
      return wired(stateMachines, arn, "a StateMachineStarter");
    }
    throw EventBridgeException.validation(
        "Target "
            + arn
            + " is not supported: the local EventBridge delivers to SQS queues, Lambda functions"
            + " and Step Functions state machines");
  }

  /** Checks that {@code arn} can be a dead-letter queue. */
  public void checkDeadLetter(String arn) {
    if (!"sqs".equals(Arns.service(arn))) {
      throw EventBridgeException.validation("DeadLetterConfig Arn " + arn + " is not an SQS queue");
    }
    if (sqs == null || queueUrls == null) {
      throw EventBridgeException.validation(
          "DeadLetterConfig " + arn + " needs the bus to be built with sqs(..) and queueUrls(..)");
    }
  }

  /** Sends an undeliverable event to its DLQ. */
  void sendToDeadLetterQueue(
      String queueArn, String body, Map<String, MessageAttributeValue> attributes) {
    SqsTarget.send(sqs, queueUrls, queueArn, body, attributes);
  }

  private static EventTarget wired(EventTarget target, String arn, String needs) {
    if (target == null) {
      throw EventBridgeException.validation(
          "Target " + arn + " needs the bus to be built with " + needs);
    }
    return target;
  }
}
