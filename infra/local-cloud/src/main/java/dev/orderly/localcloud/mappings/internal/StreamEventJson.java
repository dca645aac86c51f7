package dev.orderly.localcloud.mappings.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;

/**
 * The {@code DynamodbEvent} Lambda sends: each stream record as GetRecords returned it, with {@code
 * eventSourceARN} added and {@code ApproximateCreationDateTime} in epoch seconds
 * (docs.aws.amazon.com/lambda/latest/dg/with-ddb.html, "Example event"). TTL deletions carry {@code
 * userIdentity} with Lambda's lower-case member names.
 */
final class StreamEventJson {
  private StreamEventJson() {}

  static byte[] event(List<ObjectNode> records) {
    ObjectNode event = Json.MAPPER.createObjectNode();
    event.putArray("Records").addAll(records);
    return Json.bytes(event);
  }

  /**
   * A record as the engine's GetRecords wrote it, made Lambda's: {@code userIdentity} with
   * lower-case member names, and {@code eventSourceARN} added. Changes and returns {@code record}.
   */
  static ObjectNode record(ObjectNode record, String streamArn) {
    if (record.get("userIdentity") instanceof ObjectNode identity) {
      ObjectNode lambda = Json.MAPPER.createObjectNode();
      lambda.put("type", identity.path("Type").asText());
      lambda.put("principalId", identity.path("PrincipalId").asText());
      record.set("userIdentity", lambda);
    }
    record.put("eventSourceARN", streamArn);
    return record;
  }

  static ObjectNode record(Record record, String streamArn) {
    ObjectNode node = Json.MAPPER.createObjectNode();
    node.put("eventID", record.eventID());
    node.put("eventName", record.eventNameAsString());
    node.put("eventVersion", record.eventVersion());
    node.put("eventSource", record.eventSource());
    node.put("awsRegion", record.awsRegion());
    StreamRecord change = record.dynamodb();
    ObjectNode dynamodb = node.putObject("dynamodb");
    if (change.approximateCreationDateTime() != null) {
      dynamodb.put(
          "ApproximateCreationDateTime", change.approximateCreationDateTime().getEpochSecond());
    }
    dynamodb.set("Keys", item(change.keys()));
    if (change.hasNewImage()) {
      dynamodb.set("NewImage", item(change.newImage()));
    }
    if (change.hasOldImage()) {
      dynamodb.set("OldImage", item(change.oldImage()));
    }
    dynamodb.put("SequenceNumber", change.sequenceNumber());
    dynamodb.put("SizeBytes", change.sizeBytes());
    dynamodb.put("StreamViewType", change.streamViewTypeAsString());
    if (record.userIdentity() != null) {
      node.putObject("userIdentity")
          .put("type", record.userIdentity().type())
          .put("principalId", record.userIdentity().principalId());
    }
    node.put("eventSourceARN", streamArn);
    return node;
  }

  private static ObjectNode item(Map<String, AttributeValue> item) {
    ObjectNode node = Json.MAPPER.createObjectNode();
    item.forEach((name, value) -> node.set(name, value(value)));
    return node;
  }

  private static ObjectNode value(AttributeValue value) {
    ObjectNode node = Json.MAPPER.createObjectNode();
    switch (value.type()) {
      case S:
        node.put("S", value.s());
        break;
      case N:
        node.put("N", value.n());
        break;
      case B:
        node.put("B", base64(value.b()));
        break;
      case BOOL:
        node.put("BOOL", value.bool());
        break;
      case NUL:
        node.put("NULL", true);
        break;
      case SS:
        value.ss().forEach(node.putArray("SS")::add);
        break;
      case NS:
        value.ns().forEach(node.putArray("NS")::add);
        break;
      case BS:
        {
          ArrayNode array = node.putArray("BS");
          value.bs().forEach(b -> array.add(base64(b)));
          break;
        }
      case M:
        node.set("M", item(value.m()));
        break;
      case L:
        {
          ArrayNode array = node.putArray("L");
          value.l().forEach(v -> array.add(value(v)));
          break;
        }
      default:
        throw new IllegalArgumentException("Unsupported attribute value type: " + value.type());
    }
    return node;
  }

  private static String base64(SdkBytes bytes) {
    return Base64.getEncoder().encodeToString(bytes.asByteArray());
  }
}
