package dev.orderly.localcloud.events.internal;

import dev.orderly.localcloud.events.EventTarget;
import dev.orderly.localcloud.events.TargetDeliveryException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/**
 * An SQS queue target: the input is the message body. A missing queue is not retryable ({@code
 * NO_RESOURCE}); throttling, connection failures and server errors are.
 */
final class SqsTarget implements EventTarget {
  private final SqsClient sqs;
  private final Function<String, String> queueUrls;

  SqsTarget(SqsClient sqs, Function<String, String> queueUrls) {
    this.sqs = sqs;
    this.queueUrls = queueUrls;
  }

  @Override
  public CompletionStage<Void> deliver(String targetArn, String input) {
    send(sqs, queueUrls, targetArn, input);
    return CompletableFuture.completedFuture(null);
  }

  /** Sends {@code body} to the queue {@code queueArn}, failures classified as EventBridge does. */
  static void send(
      SqsClient sqs, Function<String, String> queueUrls, String queueArn, String body) {
    send(sqs, queueUrls, queueArn, body, Map.of());
  }

  static void send(
      SqsClient sqs,
      Function<String, String> queueUrls,
      String queueArn,
      String body,
      Map<String, MessageAttributeValue> attributes) {
    String queueUrl;
    try {
      queueUrl = queueUrls.apply(queueArn);
    } catch (SdkException e) {
      // SQS did not answer the lookup; the queue may well exist: retry like a failed send
      throw classified(queueArn, e);
    } catch (RuntimeException e) {
      throw new TargetDeliveryException(
          "NO_RESOURCE", "No queue for " + queueArn + ": " + e.getMessage(), false, e);
    }
    if (queueUrl == null) {
      throw new TargetDeliveryException("NO_RESOURCE", "No queue for " + queueArn, false);
    }
    try {
      sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(body).messageAttributes(attributes));
    } catch (SdkException e) {
      throw classified(queueArn, e);
    }
  }

  private static TargetDeliveryException classified(String queueArn, SdkException e) {
    if (e instanceof QueueDoesNotExistException) {
      return new TargetDeliveryException(
          "NO_RESOURCE", "Queue " + queueArn + " does not exist", false, e);
    }
    if (e instanceof SdkServiceException service) {
      if (service.isThrottlingException()) {
        return new TargetDeliveryException("THROTTLING", e.getMessage(), true, e);
      }
      return new TargetDeliveryException(
          "SDK_CLIENT_ERROR", e.getMessage(), service.statusCode() >= 500, e);
    }
    return new TargetDeliveryException("CONNECTION_FAILURE", e.getMessage(), true, e);
  }
}
