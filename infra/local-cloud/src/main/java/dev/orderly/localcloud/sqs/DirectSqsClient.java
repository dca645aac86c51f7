package dev.orderly.localcloud.sqs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.pattern.Patterns;
import org.elasticmq.DefaultVisibilityTimeout$;
import org.elasticmq.DeliveryReceipt;
import org.elasticmq.MessageData;
import org.elasticmq.MillisVisibilityTimeout$;
import org.elasticmq.VisibilityTimeout;
import org.elasticmq.msg.DeleteMessage;
import org.elasticmq.msg.LookupQueue;
import org.elasticmq.msg.ReceiveMessages;
import org.elasticmq.msg.SendMessage;
import org.elasticmq.msg.UpdateVisibilityTimeout;
import scala.Option;
import scala.jdk.javaapi.CollectionConverters;
import scala.util.Either;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsServiceClientConfiguration;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequest;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchResponse;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchResultEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResultEntry;
import software.amazon.awssdk.services.sqs.model.GetQueueAttributesRequest;
import software.amazon.awssdk.services.sqs.model.GetQueueAttributesResponse;
import software.amazon.awssdk.services.sqs.model.GetQueueUrlRequest;
import software.amazon.awssdk.services.sqs.model.GetQueueUrlResponse;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageRequest;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResultEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageResponse;

/**
 * The SQS client of the local cloud's own parts (Lambda's pollers, EventBridge's SQS targets): it
 * hands sends, receives, deletes and visibility changes to ElasticMQ's queue actors, the ones its
 * HTTP endpoint drives, without the SQS protocol in between. Serialising every message into JSON,
 * through pekko-http and back again was a fifth of the local demo's CPU.
 *
 * <p>What it answers is what ElasticMQ's endpoint answers for the same request: message ids,
 * receipt handles, MD5s of bodies and attributes, the system attributes asked for, and {@code
 * ReceiptHandleIsInvalid} per failed batch entry. Requests it does not handle the same way go to
 * {@code network}, the HTTP client: FIFO sends (group and deduplication ids), sends with message
 * system attributes, bodies ElasticMQ would refuse, receive counts outside 1-10, and every other
 * operation. The client is for this JVM's parts only; functions keep their own SDK clients.
 */
public final class DirectSqsClient implements SqsClient {
  private static final Duration ASK_MARGIN = Duration.ofSeconds(30);

  private final Supplier<ActorRef> queueManager;
  private final SqsClient network;
  private final Map<String, ActorRef> queues = new ConcurrentHashMap<>();

  /**
   * @param queueManager ElasticMQ's queue manager actor, asked for once it is first needed (the
   *     local cloud starts ElasticMQ in the background)
   * @param network the HTTP client for what this one hands on
   */
  public DirectSqsClient(Supplier<ActorRef> queueManager, SqsClient network) {
    this.queueManager = Objects.requireNonNull(queueManager, "queueManager");
    this.network = Objects.requireNonNull(network, "network");
  }

  @Override
  public String serviceName() {
    return SERVICE_NAME;
  }

  @Override
  public SqsServiceClientConfiguration serviceClientConfiguration() {
    return network.serviceClientConfiguration();
  }

  /** Closes nothing: the network client and ElasticMQ belong to whoever made them. */
  @Override
  public void close() {}

  @Override
  public SendMessageResponse sendMessage(SendMessageRequest request) {
    if (!ElasticMqMessages.plain(
            request.messageBody(), request.messageGroupId(), request.messageDeduplicationId())
        || request.hasMessageSystemAttributes()) {
      return network.sendMessage(request);
    }
    ActorRef queue = queue(request.queueUrl());
    MessageData sent =
        ask(
            queue,
            new SendMessage(
                ElasticMqMessages.newMessage(
                    request.messageBody(), request.messageAttributes(), request.delaySeconds(), 0)),
            MessageData.class);
    return SendMessageResponse.builder()
        .messageId(sent.id().id())
        .md5OfMessageBody(ElasticMqMessages.md5(request.messageBody()))
        .md5OfMessageAttributes(
            request.messageAttributes().isEmpty()
                ? null
                : ElasticMqMessages.md5(request.messageAttributes()))
        .build();
  }

  @Override
  public SendMessageBatchResponse sendMessageBatch(SendMessageBatchRequest request) {
    for (SendMessageBatchRequestEntry entry : request.entries()) {
      if (!ElasticMqMessages.plain(
              entry.messageBody(), entry.messageGroupId(), entry.messageDeduplicationId())
          || entry.hasMessageSystemAttributes()) {
        return network.sendMessageBatch(request);
      }
    }
    ActorRef queue = queue(request.queueUrl());
    List<CompletableFuture<Object>> sends = new ArrayList<>();
    List<SendMessageBatchRequestEntry> entries = request.entries();
    for (int i = 0; i < entries.size(); i++) {
      SendMessageBatchRequestEntry entry = entries.get(i);
      sends.add(
          asked(
              queue,
              new SendMessage(
                  ElasticMqMessages.newMessage(
                      entry.messageBody(), entry.messageAttributes(), entry.delaySeconds(), i)),
              ASK_MARGIN));
    }
    List<SendMessageBatchResultEntry> successful = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      SendMessageBatchRequestEntry entry = entries.get(i);
      successful.add(
          SendMessageBatchResultEntry.builder()
              .id(entry.id())
              .messageId(((MessageData) joined(sends.get(i))).id().id())
              .md5OfMessageBody(ElasticMqMessages.md5(entry.messageBody()))
              .md5OfMessageAttributes(
                  entry.messageAttributes().isEmpty()
                      ? null
                      : ElasticMqMessages.md5(entry.messageAttributes()))
              .build());
    }
    return SendMessageBatchResponse.builder().successful(successful).failed(List.of()).build();
  }

  @Override
  public ReceiveMessageResponse receiveMessage(ReceiveMessageRequest request) {
    int count = request.maxNumberOfMessages() == null ? 1 : request.maxNumberOfMessages();
    if (count < 1 || count > 10 || request.receiveRequestAttemptId() != null) {
      return network.receiveMessage(request);
    }
    ActorRef queue = queue(request.queueUrl());
    VisibilityTimeout visibility =
        request.visibilityTimeout() == null
            ? DefaultVisibilityTimeout$.MODULE$
            : MillisVisibilityTimeout$.MODULE$.fromSeconds(request.visibilityTimeout());
    Option<Duration> wait =
        request.waitTimeSeconds() == null
            ? Option.empty()
            : Option.apply(Duration.ofSeconds(request.waitTimeSeconds()));
    Duration timeout = ASK_MARGIN.plus(wait.isDefined() ? wait.get() : Duration.ofSeconds(20));
    scala.collection.immutable.List<?> received =
        ask(
            queue,
            new ReceiveMessages(visibility, count, wait, Option.empty()),
            scala.collection.immutable.List.class,
            timeout);
    Set<String> systemNames = ElasticMqMessages.systemAttributeNames(request);
    Set<String> attributeNames = Set.copyOf(request.messageAttributeNames());
    List<Message> messages = new ArrayList<>();
    for (Object each : CollectionConverters.asJava(received)) {
      messages.add(ElasticMqMessages.message((MessageData) each, systemNames, attributeNames));
    }
    return ReceiveMessageResponse.builder().messages(messages).build();
  }

  @Override
  public DeleteMessageBatchResponse deleteMessageBatch(DeleteMessageBatchRequest request) {
    ActorRef queue = queue(request.queueUrl());
    List<CompletableFuture<Object>> deletes = new ArrayList<>();
    for (DeleteMessageBatchRequestEntry entry : request.entries()) {
      deletes.add(
          asked(queue, new DeleteMessage(new DeliveryReceipt(entry.receiptHandle())), ASK_MARGIN));
    }
    List<DeleteMessageBatchResultEntry> successful = new ArrayList<>();
    List<BatchResultErrorEntry> failed = new ArrayList<>();
    for (int i = 0; i < deletes.size(); i++) {
      String id = request.entries().get(i).id();
      if (((Either<?, ?>) joined(deletes.get(i))).isRight()) {
        successful.add(DeleteMessageBatchResultEntry.builder().id(id).build());
      } else {
        failed.add(invalidReceipt(id, request.entries().get(i).receiptHandle()));
      }
    }
    return DeleteMessageBatchResponse.builder().successful(successful).failed(failed).build();
  }

  @Override
  public ChangeMessageVisibilityBatchResponse changeMessageVisibilityBatch(
      ChangeMessageVisibilityBatchRequest request) {
    ActorRef queue = queue(request.queueUrl());
    List<CompletableFuture<Object>> changes = new ArrayList<>();
    for (ChangeMessageVisibilityBatchRequestEntry entry : request.entries()) {
      int seconds = entry.visibilityTimeout() == null ? 0 : entry.visibilityTimeout();
      changes.add(
          asked(
              queue,
              new UpdateVisibilityTimeout(
                  new DeliveryReceipt(entry.receiptHandle()),
                  MillisVisibilityTimeout$.MODULE$.fromSeconds(seconds)),
              ASK_MARGIN));
    }
    List<ChangeMessageVisibilityBatchResultEntry> successful = new ArrayList<>();
    List<BatchResultErrorEntry> failed = new ArrayList<>();
    for (int i = 0; i < changes.size(); i++) {
      String id = request.entries().get(i).id();
      if (((Either<?, ?>) joined(changes.get(i))).isRight()) {
        successful.add(ChangeMessageVisibilityBatchResultEntry.builder().id(id).build());
      } else {
        failed.add(invalidReceipt(id, request.entries().get(i).receiptHandle()));
      }
    }
    return ChangeMessageVisibilityBatchResponse.builder()
        .successful(successful)
        .failed(failed)
        .build();
  }

  @Override
  public GetQueueAttributesResponse getQueueAttributes(GetQueueAttributesRequest request) {
    return network.getQueueAttributes(request);
  }

  @Override
  public GetQueueUrlResponse getQueueUrl(GetQueueUrlRequest request) {
    return network.getQueueUrl(request);
  }

  private ActorRef queue(String queueUrl) {
    String name = queueUrl.substring(queueUrl.lastIndexOf('/') + 1);
    ActorRef known = queues.get(name);
    if (known != null) {
      return known;
    }
    Option<?> found = ask(queueManager.get(), new LookupQueue(name), Option.class);
    if (found.isEmpty()) {
      throw QueueDoesNotExistException.builder()
          .message("The specified queue does not exist.")
          .statusCode(400)
          .build();
    }
    ActorRef queue = (ActorRef) found.get();
    queues.put(name, queue);
    return queue;
  }

  private static BatchResultErrorEntry invalidReceipt(String id, String receipt) {
    return BatchResultErrorEntry.builder()
        .id(id)
        .code("ReceiptHandleIsInvalid")
        .message("The receipt handle \"" + receipt + "\" is not valid.")
        .senderFault(true)
        .build();
  }

  private static <T> T ask(ActorRef actor, Object message, Class<T> type) {
    return ask(actor, message, type, ASK_MARGIN);
  }

  private static <T> T ask(ActorRef actor, Object message, Class<T> type, Duration timeout) {
    return type.cast(joined(asked(actor, message, timeout)));
  }

  /**
   * The actor's answer, to be joined, never chained: the stage Pekko hands back runs every
   * dependent ({@code thenApply} too) asynchronously on the default executor, and with a common
   * pool of one thread (two cores) {@code CompletableFuture} starts a new thread per task.
   */
  private static CompletableFuture<Object> asked(ActorRef actor, Object message, Duration timeout) {
    return Patterns.ask(actor, message, timeout).toCompletableFuture();
  }

  private static <T> T joined(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw new IllegalStateException("ElasticMQ did not answer", e.getCause());
    }
  }
}
