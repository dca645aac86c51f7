package dev.orderly.localcloud.events.internal;

import dev.orderly.localcloud.events.EventTarget;
import dev.orderly.localcloud.events.TargetDeliveryException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * An SQS queue target: the input is the message body. A missing queue is not retryable ({@code
 * NO_RESOURCE}); throttling, connection failures and server errors are.
 *
 * <p>Deliveries to one queue that arrive while a send to it is in flight wait for it and then go
 * together in one SendMessageBatch (up to 10 messages and 80 K characters): the messages are the
 * same, and a burst costs the local SQS a request per ten events instead of one per event. Each
 * delivery still succeeds or fails on its own entry's result.
 */
final class SqsTarget implements EventTarget {
  private static final int MAX_ENTRIES = 10;
  private static final int MAX_BATCH_CHARS =
      80 * 1024; // at most 240 KB in UTF-8: under the 256 KB limit

  private final SqsClient sqs;
  private final Function<String, String> queueUrls;
  private final Map<String, Outgoing> queues = new ConcurrentHashMap<>();

  SqsTarget(SqsClient sqs, Function<String, String> queueUrls) {
    this.sqs = sqs;
    this.queueUrls = queueUrls;
  }

  @Override
  public CompletionStage<Void> deliver(String targetArn, String input) {
    Outgoing queue = queues.computeIfAbsent(targetArn, Outgoing::new);
    Pending pending = new Pending(input, new CompletableFuture<>());
    queue.waiting.add(pending);
    queue.drain();
    return pending.sent;
  }

  private record Pending(String body, CompletableFuture<Void> sent) {}

  /** One queue's waiting deliveries; whichever caller finds no send in flight sends them. */
  private final class Outgoing {
    final String queueArn;
    final Queue<Pending> waiting = new ConcurrentLinkedQueue<>();
    final AtomicBoolean sending = new AtomicBoolean();

    Outgoing(String queueArn) {
      this.queueArn = queueArn;
    }

    void drain() {
      while (!waiting.isEmpty() && sending.compareAndSet(false, true)) {
        try {
          List<Pending> batch = new ArrayList<>();
          int chars = 0;
          for (Pending next = waiting.peek();
              next != null
                  && batch.size() < MAX_ENTRIES
                  && (batch.isEmpty() || chars + next.body().length() <= MAX_BATCH_CHARS);
              next = waiting.peek()) {
            batch.add(waiting.poll());
            chars += next.body().length();
          }
          send(batch);
        } finally {
          sending.set(false);
        }
      }
    }

    private void send(List<Pending> batch) {
      if (batch.size() == 1) {
        try {
          SqsTarget.send(sqs, queueUrls, queueArn, batch.get(0).body());
          batch.get(0).sent().complete(null);
        } catch (RuntimeException e) {
          batch.get(0).sent().completeExceptionally(e);
        }
        return;
      }
      SendMessageBatchResponse response;
      try {
        String url = queueUrl(queueUrls, queueArn);
        List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
          entries.add(
              SendMessageBatchRequestEntry.builder()
                  .id(Integer.toString(i))
                  .messageBody(batch.get(i).body())
                  .build());
        }
        response = sqs.sendMessageBatch(b -> b.queueUrl(url).entries(entries));
      } catch (SdkException e) {
        TargetDeliveryException failure = classified(queueArn, e);
        batch.forEach(p -> p.sent().completeExceptionally(failure));
        return;
      } catch (RuntimeException e) {
        batch.forEach(p -> p.sent().completeExceptionally(e));
        return;
      }
      response
          .successful()
          .forEach(ok -> batch.get(Integer.parseInt(ok.id())).sent().complete(null));
      for (BatchResultErrorEntry failed : response.failed()) {
        batch
            .get(Integer.parseInt(failed.id()))
            .sent()
            .completeExceptionally(
                new TargetDeliveryException(
                    "SDK_CLIENT_ERROR",
                    failed.code() + ": " + failed.message(),
                    !Boolean.TRUE.equals(failed.senderFault())));
      }
    }
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
    String queueUrl = queueUrl(queueUrls, queueArn);
    try {
      sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(body).messageAttributes(attributes));
    } catch (SdkException e) {
      throw classified(queueArn, e);
    }
  }

  private static String queueUrl(Function<String, String> queueUrls, String queueArn) {
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
    return queueUrl;
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
