package dev.orderly.localcloud.sqs;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.elasticmq.AfterMillisNextDelivery;
import org.elasticmq.BinaryMessageAttribute;
import org.elasticmq.ImmediateNextDelivery$;
import org.elasticmq.MessageAttribute;
import org.elasticmq.MessageContent;
import org.elasticmq.MessageData;
import org.elasticmq.NewMessageData;
import org.elasticmq.NextDelivery;
import org.elasticmq.OnDateTimeReceived;
import scala.Option;
import scala.jdk.javaapi.CollectionConverters;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageRequest;

/**
 * Messages between the SDK's model and ElasticMQ's, as ElasticMQ's endpoint converts them: which
 * sends it takes as they are, new messages with their attributes and delay, received messages with
 * the system attributes asked for, and SQS's MD5s of bodies and attributes.
 */
final class ElasticMqMessages {
  private static final int MAX_BODY_CHARS = 262_144;
  private static final Set<String> ALL = Set.of("All", ".*");

  private ElasticMqMessages() {}

  /** A standard-queue send ElasticMQ's endpoint would take as it is. */
  static boolean plain(String body, String groupId, String deduplicationId) {
    return groupId == null && deduplicationId == null && body != null && validBody(body);
  }

  /** ElasticMQ's strict limits: 1 to 262,144 characters of XML's allowed characters. */
  static boolean validBody(String body) {
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

  static NewMessageData newMessage(
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

  static scala.collection.immutable.Map<String, MessageAttribute> toElasticMq(
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
  static Set<String> systemAttributeNames(ReceiveMessageRequest request) {
    Set<String> names = new java.util.HashSet<>(request.messageSystemAttributeNamesAsStrings());
    names.addAll(request.attributeNamesAsStrings());
    return names;
  }

  static Message message(MessageData data, Set<String> systemNames, Set<String> attributeNames) {
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

  static void putIf(
      Map<String, String> system, boolean all, Set<String> names, String name, String value) {
    if (all || names.contains(name)) {
      system.put(name, value);
    }
  }

  static MessageAttributeValue toSdk(MessageAttribute attribute) {
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

  static void lengthPrefixed(MessageDigest digest, byte[] bytes) {
    digest.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
    digest.update(bytes);
  }

  static MessageDigest md5() {
    try {
      return MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no MD5", e);
    }
  }
}
