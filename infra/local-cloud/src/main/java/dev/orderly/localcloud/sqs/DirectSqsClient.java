package dev.orderly.localcloud.sqs;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.pattern.Patterns;
import org.elasticmq.AfterMillisNextDelivery;
import org.elasticmq.BinaryMessageAttribute;
import org.elasticmq.DefaultVisibilityTimeout$;
import org.elasticmq.DeliveryReceipt;
import org.elasticmq.ImmediateNextDelivery$;
import org.elasticmq.MessageAttribute;
import org.elasticmq.MessageContent;
import org.elasticmq.MessageData;
import org.elasticmq.MillisVisibilityTimeout$;
import org.elasticmq.NewMessageData;
import org.elasticmq.NextDelivery;
import org.elasticmq.OnDateTimeReceived;
import org.elasticmq.VisibilityTimeout;
import org.elasticmq.msg.DeleteMessage;
import org.elasticmq.msg.LookupQueue;
import org.elasticmq.msg.ReceiveMessages;
import org.elasticmq.msg.SendMessage;
import org.elasticmq.msg.UpdateVisibilityTimeout;
import scala.Option;
import scala.jdk.javaapi.CollectionConverters;
import scala.util.Either;
import software.amazon.awssdk.core.SdkBytes;
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
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
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
  private static final int MAX_BODY_CHARS = 262_144;
  private static final Set<String> ALL = Set.of("All", ".*");

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
    if (!plain(request.messageBody(), request.messageGroupId(), request.messageDeduplicationId())
        || request.hasMessageSystemAttributes()) {
      return network.sendMessage(request);
    }
    ActorRef queue = queue(request.queueUrl());
    MessageData sent =
        ask(
            queue,
            new SendMessage(
                newMessage(
                    request.messageBody(), request.messageAttributes(), request.delaySeconds(), 0)),
            MessageData.class);
    return SendMessageResponse.builder()
        .messageId(sent.id().id())
        .md5OfMessageBody(md5(request.messageBody()))
        .md5OfMessageAttributes(
            request.messageAttributes().isEmpty() ? null : md5(request.messageAttributes()))
        .build();
  }

  @Override
  public SendMessageBatchResponse sendMessageBatch(SendMessageBatchRequest request) {
    for (SendMessageBatchRequestEntry entry : request.entries()) {
      if (!plain(entry.messageBody(), entry.messageGroupId(), entry.messageDeduplicationId())
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
                  newMessage(
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
              .md5OfMessageBody(md5(entry.messageBody()))
              .md5OfMessageAttributes(
                  entry.messageAttributes().isEmpty() ? null : md5(entry.messageAttributes()))
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
    Set<String> systemNames = systemAttributeNames(request);
    Set<String> attributeNames = Set.copyOf(request.messageAttributeNames());
    List<Message> messages = new ArrayList<>();
    for (Object each : CollectionConverters.asJava(received)) {
      messages.add(message((MessageData) each, systemNames, attributeNames));
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

  /** A standard-queue send ElasticMQ's endpoint would take as it is. */
  private static boolean plain(String body, String groupId, String deduplicationId) {
    return groupId == null && deduplicationId == null && body != null && validBody(body);
  }

  /** ElasticMQ's strict limits: 1 to 262,144 characters of XML's allowed characters. */
  private static boolean validBody(String body) {
    if (body.isEmpty() || body.length() > MAX_BODY_CHARS) {
      return false;
    }
    for (int i = 0; i < body.length(); ) {
      int c = body.codePointAt(i);
      boolean allowed =
          c == 0x9
              || c == 0xA
              || c == 0xD
              || (c >= 0x20 && c <= 0xD7FF)
              || (c >= 0xE000 && c <= 0xFFFD)
              || (c >= 0x10000 && c <= 0x10FFFF);
      if (!allowed) {
        return false;
      }
      i += Character.charCount(c);
    }
    return true;
  }

  private static NewMessageData newMessage(
      String body, Map<String, MessageAttributeValue> attributes, Integer delaySeconds, int index) {
    NextDelivery next =
        delaySeconds == null
            ? ImmediateNextDelivery$.MODULE$
            : new AfterMillisNextDelivery(delaySeconds * 1000L);
    return new NewMessageData(
        Option.empty(),
        new MessageContent(body),
        toElasticMq(attributes),
        next,
        Option.empty(),
        Option.empty(),
        index,
        Option.empty(),
        Option.empty(),
        Option.empty());
  }

  private static scala.collection.immutable.Map<String, MessageAttribute> toElasticMq(
      Map<String, MessageAttributeValue> attributes) {
    Map<String, MessageAttribute> converted = new LinkedHashMap<>();
    attributes.forEach(
        (name, value) -> {
          String type = value.dataType();
          int dot = type.indexOf('.');
          String primary = dot < 0 ? type : type.substring(0, dot);
          Option<String> custom = dot < 0 ? Option.empty() : Option.apply(type.substring(dot + 1));
          MessageAttribute attribute =
              switch (primary) {
                case "String" ->
                    new org.elasticmq.StringMessageAttribute(value.stringValue(), custom);
                case "Number" ->
                    new org.elasticmq.NumberMessageAttribute(value.stringValue(), custom);
                case "Binary" ->
                    BinaryMessageAttribute.fromBase64(
                        java.util.Base64.getEncoder()
                            .encodeToString(value.binaryValue().asByteArray()),
                        custom);
                default ->
                    throw new IllegalArgumentException(
                        "message attribute " + name + " has data type " + type);
              };
          converted.put(name, attribute);
        });
    return scala.collection.immutable.Map.from(CollectionConverters.asScala(converted));
  }

  /** The system attributes asked for, under either name SQS takes them (one is deprecated). */
  @SuppressWarnings("deprecation")
  private static Set<String> systemAttributeNames(ReceiveMessageRequest request) {
    Set<String> names = new java.util.HashSet<>(request.messageSystemAttributeNamesAsStrings());
    names.addAll(request.attributeNamesAsStrings());
    return names;
  }

  private static Message message(
      MessageData data, Set<String> systemNames, Set<String> attributeNames) {
    boolean all = systemNames.contains("All");
    Map<String, String> system = new LinkedHashMap<>();
    putIf(system, all, systemNames, "SenderId", "127.0.0.1");
    putIf(
        system,
        all,
        systemNames,
        "SentTimestamp",
        Long.toString(data.created().toInstant().toEpochMilli()));
    putIf(
        system,
        all,
        systemNames,
        "ApproximateReceiveCount",
        Integer.toString(data.statistics().approximateReceiveCount()));
    putIf(
        system,
        all,
        systemNames,
        "ApproximateFirstReceiveTimestamp",
        Long.toString(
            data.statistics().approximateFirstReceive() instanceof OnDateTimeReceived on
                ? on.when().toInstant().toEpochMilli()
                : 0L));
    Map<String, MessageAttributeValue> attributes = new TreeMap<>();
    boolean allAttributes = attributeNames.stream().anyMatch(ALL::contains);
    CollectionConverters.asJava(data.messageAttributes())
        .forEach(
            (name, attribute) -> {
              if (allAttributes || attributeNames.contains(name)) {
                attributes.put(name, toSdk(attribute));
              }
            });
    String body = data.content().value();
    return Message.builder()
        .messageId(data.id().id())
        .receiptHandle(data.deliveryReceipt().get().receipt())
        .body(body)
        .md5OfBody(md5(body))
        .attributesWithStrings(system)
        .messageAttributes(attributes.isEmpty() ? null : attributes)
        .md5OfMessageAttributes(attributes.isEmpty() ? null : md5(attributes))
        .build();
  }

  private static void putIf(
      Map<String, String> system, boolean all, Set<String> names, String name, String value) {
    if (all || names.contains(name)) {
      system.put(name, value);
    }
  }

  private static MessageAttributeValue toSdk(MessageAttribute attribute) {
    MessageAttributeValue.Builder value =
        MessageAttributeValue.builder().dataType(attribute.getDataType());
    if (attribute instanceof BinaryMessageAttribute binary) {
      value.binaryValue(
          SdkBytes.fromByteArray(java.util.Base64.getDecoder().decode(binary.asBase64())));
    } else if (attribute instanceof org.elasticmq.StringMessageAttribute string) {
      value.stringValue(string.stringValue());
    } else if (attribute instanceof org.elasticmq.NumberMessageAttribute number) {
      value.stringValue(number.stringValue());
    }
    return value.build();
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

  static String md5(String body) {
    return HexFormat.of().formatHex(md5().digest(body.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * SQS's MD5 of message attributes: for each attribute by name, its name, data type, a transport
   * type byte (1 string or number, 2 binary) and its value, each length-prefixed (4 bytes,
   * big-endian) but the transport byte.
   */
  static String md5(Map<String, MessageAttributeValue> attributes) {
    MessageDigest digest = md5();
    for (Map.Entry<String, MessageAttributeValue> entry : new TreeMap<>(attributes).entrySet()) {
      MessageAttributeValue value = entry.getValue();
      lengthPrefixed(digest, entry.getKey().getBytes(StandardCharsets.UTF_8));
      lengthPrefixed(digest, value.dataType().getBytes(StandardCharsets.UTF_8));
      if (value.binaryValue() != null) {
        digest.update((byte) 2);
        lengthPrefixed(digest, value.binaryValue().asByteArray());
      } else {
        digest.update((byte) 1);
        lengthPrefixed(digest, value.stringValue().getBytes(StandardCharsets.UTF_8));
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static void lengthPrefixed(MessageDigest digest, byte[] bytes) {
    digest.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
    digest.update(bytes);
  }

  private static MessageDigest md5() {
    try {
      return MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no MD5", e);
    }
  }
}
