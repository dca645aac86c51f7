package dev.orderly.dynamodb.internal.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderly.dynamodb.internal.error.DynamoDbException;
import dev.orderly.dynamodb.internal.ops.Engine;
import dev.orderly.dynamodb.internal.table.KeySchema;
import dev.orderly.dynamodb.internal.table.Table;
import dev.orderly.dynamodb.internal.table.TableDefinition;
import dev.orderly.dynamodb.internal.value.ValueJson;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The DynamoDB Streams API: ListStreams, DescribeStream, GetShardIterator and GetRecords, over one
 * shard per table stream. Iterators are opaque, self-describing and valid for 15 minutes.
 */
public final class StreamOps {
  static final Duration ITERATOR_LIFETIME = Duration.ofMinutes(15);
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final Engine engine;

  public StreamOps(Engine engine) {
    this.engine = engine;
  }

  public ObjectNode listStreams(ObjectNode body) {
    String tableName = text(body, "TableName");
    int limit = body.path("Limit").asInt(100);
    String start = text(body, "ExclusiveStartStreamArn");
    List<Table> tables = new ArrayList<>(engine.tables().values());
    tables.sort((a, b) -> a.name().compareTo(b.name()));
    ObjectNode out = NODES.objectNode();
    ArrayNode streams = out.putArray("Streams");
    boolean started = start == null;
    String last = null;
    for (Table table : tables) {
      StreamLog log = table.stream();
      if (log == null || (tableName != null && !tableName.equals(table.name()))) {
        continue;
      }
      if (!started) {
        started = log.streamArn().equals(start);
        continue;
      }
      if (streams.size() == limit) {
        out.put("LastEvaluatedStreamArn", last);
        break;
      }
      TableDefinition.StreamSpec spec = table.definition().stream();
      streams
          .addObject()
          .put("StreamArn", log.streamArn())
          .put("TableName", table.name())
          .put("StreamLabel", spec.label());
      last = log.streamArn();
    }
    return out;
  }

  public ObjectNode describeStream(ObjectNode body) {
    Table table = tableOf(required(body, "StreamArn"));
    StreamLog log = table.stream();
    TableDefinition.StreamSpec spec = table.definition().stream();
    ObjectNode out = NODES.objectNode();
    ObjectNode d = out.putObject("StreamDescription");
    d.put("StreamArn", log.streamArn());
    d.put("StreamLabel", spec.label());
    d.put("StreamStatus", "ENABLED");
    d.put("StreamViewType", log.viewType());
    d.put("CreationRequestDateTime", table.definition().created().toEpochMilli() / 1000.0);
    d.put("TableName", table.name());
    ArrayNode keySchema = d.putArray("KeySchema");
    KeySchema key = table.key();
    keySchema.addObject().put("AttributeName", key.hashName()).put("KeyType", "HASH");
    if (key.hasRange()) {
      keySchema.addObject().put("AttributeName", key.rangeName()).put("KeyType", "RANGE");
    }
    ObjectNode shard = d.putArray("Shards").addObject();
    shard.put("ShardId", log.shardId());
    shard
        .putObject("SequenceNumberRange")
        .put("StartingSequenceNumber", StreamRecord.formatSequence(log.firstSequence()));
    return out;
  }

  public ObjectNode getShardIterator(ObjectNode body) {
    String arn = required(body, "StreamArn");
    String shardId = required(body, "ShardId");
    String type = required(body, "ShardIteratorType");
    StreamLog log = tableOf(arn).stream();
    if (!log.shardId().equals(shardId)) {
      throw DynamoDbException.resourceNotFound(
          "Requested resource not found: Shard does not exist");
    }
    log.trim(engine.clock().instant());
    long position;
    switch (type) {
      case "TRIM_HORIZON":
        position = log.trimHorizon();
        break;
      case "LATEST":
        position = log.latest();
        break;
      case "AT_SEQUENCE_NUMBER":
      case "AFTER_SEQUENCE_NUMBER":
        {
          long sequence = parseSequence(required(body, "SequenceNumber"));
          if (sequence < log.trimHorizon()) {
            throw new DynamoDbException(
                DynamoDbException.TRIMMED_DATA_ACCESS,
                "The operation attempted to read past the oldest stream record in a shard.",
                400);
          }
          position = type.equals("AT_SEQUENCE_NUMBER") ? sequence : sequence + 1;
          break;
        }
      default:
        throw DynamoDbException.validation(
            "1 validation error detected: Value '"
                + type
                + "' at 'shardIteratorType' failed to satisfy constraint: Member must satisfy enum"
                + " value set: [AFTER_SEQUENCE_NUMBER, LATEST, AT_SEQUENCE_NUMBER, TRIM_HORIZON]");
    }
    ObjectNode out = NODES.objectNode();
    out.put("ShardIterator", iterator(arn, shardId, position, engine.clock().instant()));
    return out;
  }

  public ObjectNode getRecords(ObjectNode body) {
    String iterator = required(body, "ShardIterator");
    int limit = body.path("Limit").asInt(1000);
    if (limit < 1 || limit > 1000) {
      throw DynamoDbException.validation(
          "1 validation error detected: Value '"
              + limit
              + "' at 'limit' failed to satisfy constraint: Member must have value "
              + (limit < 1 ? "greater than or equal to 1" : "less than or equal to 1000"));
    }
    String[] parts;
    try {
      parts =
          new String(Base64.getUrlDecoder().decode(iterator), StandardCharsets.UTF_8).split("\\|");
    } catch (IllegalArgumentException e) {
      throw DynamoDbException.validation("Invalid ShardIterator");
    }
    if (parts.length != 4) {
      throw DynamoDbException.validation("Invalid ShardIterator");
    }
    Instant issued = Instant.ofEpochMilli(Long.parseLong(parts[3]));
    Instant now = engine.clock().instant();
    if (now.isAfter(issued.plus(ITERATOR_LIFETIME))) {
      throw new DynamoDbException(
          DynamoDbException.EXPIRED_ITERATOR,
          "Iterator expired. The iterator was created at time "
              + issued
              + " while right now it's "
              + now
              + ". The iterator is valid for 15 minutes.",
          400);
    }
    Table table = tableOf(parts[0]);
    StreamLog log = table.stream();
    log.trim(now);
    long position = Math.max(Long.parseLong(parts[2]), log.trimHorizon());
    List<StreamRecord> records = log.read(position, limit);
    ObjectNode out = NODES.objectNode();
    ArrayNode array = out.putArray("Records");
    for (StreamRecord record : records) {
      array.add(write(record));
      position = record.sequence() + 1;
    }
    out.put("NextShardIterator", iterator(parts[0], parts[1], position, now));
    return out;
  }

  private ObjectNode write(StreamRecord record) {
    ObjectNode node = NODES.objectNode();
    node.put("eventID", record.eventId());
    node.put("eventName", record.eventName());
    node.put("eventVersion", "1.1");
    node.put("eventSource", "aws:dynamodb");
    node.put("awsRegion", engine.region());
    ObjectNode data = node.putObject("dynamodb");
    data.put("ApproximateCreationDateTime", record.created().getEpochSecond());
    data.set("Keys", ValueJson.writeItem(record.keys()));
    if (record.newImage() != null) {
      data.set("NewImage", ValueJson.writeItem(record.newImage()));
    }
    if (record.oldImage() != null) {
      data.set("OldImage", ValueJson.writeItem(record.oldImage()));
    }
    data.put("SequenceNumber", record.sequenceNumber());
    data.put("SizeBytes", record.sizeBytes());
    data.put("StreamViewType", record.viewType());
    if (record.byTtl()) {
      node.putObject("userIdentity")
          .put("Type", "Service")
          .put("PrincipalId", "dynamodb.amazonaws.com");
    }
    return node;
  }

  private Table tableOf(String streamArn) {
    for (Table table : engine.tables().values()) {
      StreamLog log = table.stream();
      if (log != null && log.streamArn().equals(streamArn)) {
        return table;
      }
    }
    throw DynamoDbException.resourceNotFound(
        "Requested resource not found: Stream: " + streamArn + " not found");
  }

  private static String iterator(String arn, String shard, long position, Instant issued) {
    String raw = arn + "|" + shard + "|" + position + "|" + issued.toEpochMilli();
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  private static long parseSequence(String text) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw DynamoDbException.validation("Invalid SequenceNumber: " + text);
    }
  }

  private static String text(JsonNode body, String member) {
    JsonNode node = body.get(member);
    return node == null || node.isNull() ? null : node.asText();
  }

  private static String required(JsonNode body, String member) {
    String value = text(body, member);
    if (value == null) {
      throw DynamoDbException.validation(
          "The parameter '" + member + "' is required but was not present in the request");
    }
    return value;
  }
}
