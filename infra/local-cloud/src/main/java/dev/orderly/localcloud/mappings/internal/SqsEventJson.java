package dev.orderly.localcloud.mappings.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * The {@code SQSEvent} Lambda sends: one record per message with its system attributes (the four
 * Lambda always shows first), message attributes in Lambda's lower-camel shape with binary values
 * in base64, {@code md5OfBody}, {@code eventSource}, {@code eventSourceARN} and {@code awsRegion}
 * (docs.aws.amazon.com/lambda/latest/dg/with-sqs.html, "Example standard queue message event").
 */
final class SqsEventJson {
  private static final List<String> FIRST_ATTRIBUTES =
      List.of(
          "ApproximateReceiveCount",
          "SentTimestamp",
          "SenderId",
          "ApproximateFirstReceiveTimestamp");

  private SqsEventJson() {}

  static byte[] event(List<Message> messages, String queueArn, String region) {
    ObjectNode event = Json.MAPPER.createObjectNode();
    ArrayNode records = event.putArray("Records");
    for (Message message : messages) {
      records.add(record(message, queueArn, region));
    }
    return Json.bytes(event);
  }

  static ObjectNode record(Message message, String queueArn, String region) {
    ObjectNode record = Json.MAPPER.createObjectNode();
    record.put("messageId", message.messageId());
    record.put("receiptHandle", message.receiptHandle());
    record.put("body", message.body());
    ObjectNode attributes = record.putObject("attributes");
    Map<String, String> system = message.attributesAsStrings();
    for (String name : FIRST_ATTRIBUTES) {
      if (system.containsKey(name)) {
        attributes.put(name, system.get(name));
      }
    }
    system.entrySet().stream()
        .filter(e -> !FIRST_ATTRIBUTES.contains(e.getKey()))
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> attributes.put(e.getKey(), e.getValue()));
    ObjectNode messageAttributes = record.putObject("messageAttributes");
    message.messageAttributes().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> messageAttributes.set(e.getKey(), attribute(e.getValue())));
    record.put("md5OfBody", message.md5OfBody());
    if (message.md5OfMessageAttributes() != null) {
      record.put("md5OfMessageAttributes", message.md5OfMessageAttributes());
    }
    record.put("eventSource", "aws:sqs");
    record.put("eventSourceARN", queueArn);
    record.put("awsRegion", region);
    return record;
  }

  private static ObjectNode attribute(MessageAttributeValue value) {
    ObjectNode node = Json.MAPPER.createObjectNode();
    if (value.stringValue() != null) {
      node.put("stringValue", value.stringValue());
    }
    if (value.binaryValue() != null) {
      node.put("binaryValue", base64(value.binaryValue()));
    }
    ArrayNode strings = node.putArray("stringListValues");
    value.stringListValues().forEach(strings::add);
    ArrayNode binaries = node.putArray("binaryListValues");
    value.binaryListValues().forEach(b -> binaries.add(base64(b)));
    node.put("dataType", value.dataType());
    return node;
  }

  private static String base64(SdkBytes bytes) {
    return Base64.getEncoder().encodeToString(bytes.asByteArray());
  }
}
