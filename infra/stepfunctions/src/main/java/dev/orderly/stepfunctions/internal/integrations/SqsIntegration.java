package dev.orderly.stepfunctions.internal.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageResponse;
import software.amazon.awssdk.services.sqs.model.SqsException;

/**
 * The optimised SQS integration, {@code sqs:sendMessage} ("Send messages to an Amazon SQS queue
 * with Step Functions", https://docs.aws.amazon.com/step-functions/latest/dg/connect-sqs.html).
 * Parameters are SendMessage's; a {@code MessageBody} that is not a string is sent as its JSON
 * text, as that page's callback example sends an object body. The result is SendMessage's response
 * ({@code MD5OfMessageBody}, {@code MessageId}, ...) with the SDK metadata; errors are {@code
 * SQS.<Name>}.
 */
final class SqsIntegration {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Set<String> SEND =
      Set.of(
          "QueueUrl",
          "MessageBody",
          "DelaySeconds",
          "MessageAttributes",
          "MessageGroupId",
          "MessageDeduplicationId");
  private static final Set<String> ATTRIBUTE =
      Set.of("DataType", "StringValue", "BinaryValue", "StringListValues", "BinaryListValues");

  private final SqsClient sqs;

  SqsIntegration(SqsClient sqs) {
    this.sqs = sqs;
  }

  static boolean supports(String action) {
    return action.equals("sendMessage");
  }

  JsonNode call(String action, JsonNode input) {
    if (!supports(action)) {
      throw new IllegalArgumentException("Not an optimised SQS action: " + action);
    }
    Parameters p = Parameters.of(input, SEND);
    JsonNode body = p.get("MessageBody");
    SendMessageRequest.Builder request =
        SendMessageRequest.builder()
            .queueUrl(p.text("QueueUrl"))
            .messageBody(body.isTextual() ? body.textValue() : body.toString());
    p.optionalInt("DelaySeconds").ifPresent(request::delaySeconds);
    p.optionalText("MessageGroupId").ifPresent(request::messageGroupId);
    p.optionalText("MessageDeduplicationId").ifPresent(request::messageDeduplicationId);
    if (p.has("MessageAttributes")) {
      request.messageAttributes(attributes(p));
    }
    SendMessageResponse response;
    try {
      response = sqs.sendMessage(request.build());
    } catch (SdkException failure) {
      throw ServiceErrors.of("SQS", failure, SqsException.class);
    }
    ObjectNode result = NODES.objectNode();
    if (response.md5OfMessageAttributes() != null) {
      result.put("MD5OfMessageAttributes", response.md5OfMessageAttributes());
    }
    result.put("MD5OfMessageBody", response.md5OfMessageBody());
    result.put("MessageId", response.messageId());
    if (response.sequenceNumber() != null) {
      result.put("SequenceNumber", response.sequenceNumber());
    }
    return SdkMetadata.addTo(result, response);
  }

  private static Map<String, MessageAttributeValue> attributes(Parameters p) {
    Map<String, MessageAttributeValue> attributes = new LinkedHashMap<>();
    p.object("MessageAttributes")
        .fields()
        .forEachRemaining(e -> attributes.put(e.getKey(), attribute(p, e.getKey(), e.getValue())));
    return attributes;
  }

  private static MessageAttributeValue attribute(Parameters p, String name, JsonNode json) {
    if (!json.isObject()) {
      throw p.invalid("MessageAttributes." + name + " must be an object");
    }
    Parameters value = Parameters.of(json, ATTRIBUTE);
    MessageAttributeValue.Builder attribute =
        MessageAttributeValue.builder().dataType(value.text("DataType"));
    value.optionalText("StringValue").ifPresent(attribute::stringValue);
    value.optionalText("BinaryValue").map(b -> bytes(value, b)).ifPresent(attribute::binaryValue);
    if (value.has("StringListValues")) {
      attribute.stringListValues(texts(value, "StringListValues"));
    }
    if (value.has("BinaryListValues")) {
      attribute.binaryListValues(
          texts(value, "BinaryListValues").stream().map(b -> bytes(value, b)).toList());
    }
    return attribute.build();
  }

  private static List<String> texts(Parameters p, String field) {
    JsonNode array = p.get(field);
    if (!array.isArray()) {
      throw p.invalid("The value for the field '" + field + "' must be an ARRAY");
    }
    List<String> texts = new ArrayList<>();
    array.forEach(item -> texts.add(item.asText()));
    return texts;
  }

  private static SdkBytes bytes(Parameters p, String base64) {
    try {
      return SdkBytes.fromByteArray(Base64.getDecoder().decode(base64));
    } catch (IllegalArgumentException e) {
      throw p.invalid("Binary values must be base64, got \"" + base64 + "\"");
    }
  }
}
