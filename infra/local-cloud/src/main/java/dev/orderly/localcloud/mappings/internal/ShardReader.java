package dev.orderly.localcloud.mappings.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderly.dynamodb.DynamoDbEngine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Reads a page of a shard's records in the shape Lambda hands them to the function (GetRecords'
 * records with {@code eventSourceARN}, {@link StreamEventJson}). An expired iterator throws {@link
 * ExpiredIteratorException}; any other failure an {@link software.amazon.awssdk.core.exception
 * .SdkException}, after which the consumer retries.
 */
public interface ShardReader {
  /** A page: the records and the iterator for the next one (null once a closed shard is read). */
  record Page(List<ObjectNode> records, String nextShardIterator) {}

  Page read(String shardIterator, int limit);

  /** Through the SDK's DynamoDB Streams client, records converted from its model. */
  static ShardReader sdk(DynamoDbStreamsClient streams, String streamArn) {
    return (iterator, limit) -> {
      GetRecordsResponse response = streams.getRecords(b -> b.shardIterator(iterator).limit(limit));
      List<ObjectNode> records = new ArrayList<>();
      for (Record record : response.records()) {
        records.add(StreamEventJson.record(record, streamArn));
      }
      return new Page(records, response.nextShardIterator());
    };
  }

  /**
   * From the engine in this JVM: its GetRecords answer is already the records' JSON, so the SDK's
   * marshalling and model, and the conversion back to JSON, are skipped (they were about a tenth of
   * the local demo's CPU). Same answer, same errors as over the SDK.
   */
  static ShardReader engine(DynamoDbEngine engine, String streamArn) {
    return (iterator, limit) -> {
      ObjectNode request = Json.MAPPER.createObjectNode();
      request.put("ShardIterator", iterator).put("Limit", limit);
      Optional<DynamoDbEngine.Response> answer =
          engine.serve("DynamoDBStreams_20120810.GetRecords", Json.bytes(request));
      if (answer.isEmpty()) {
        throw SdkClientException.create("GetRecords: the engine lost the response");
      }
      JsonNode body = parse(answer.get().body());
      if (answer.get().status() != 200) {
        String type = body.path("__type").asText("");
        String message = body.path("message").asText(type);
        if (type.endsWith("ExpiredIteratorException")) {
          throw ExpiredIteratorException.builder().message(message).build();
        }
        throw SdkClientException.create(
            "GetRecords answered " + answer.get().status() + " " + type + ": " + message);
      }
      List<ObjectNode> records = new ArrayList<>();
      for (JsonNode record : body.path("Records")) {
        records.add(StreamEventJson.record((ObjectNode) record, streamArn));
      }
      JsonNode next = body.get("NextShardIterator");
      return new Page(records, next == null || next.isNull() ? null : next.asText());
    };
  }

  private static JsonNode parse(byte[] body) {
    try {
      return Json.MAPPER.readTree(body);
    } catch (IOException e) {
      throw SdkClientException.create(
          "GetRecords answered no JSON: " + new String(body, StandardCharsets.UTF_8), e);
    }
  }
}
