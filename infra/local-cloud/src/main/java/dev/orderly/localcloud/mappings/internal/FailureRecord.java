package dev.orderly.localcloud.mappings.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The invocation record Lambda sends to a stream mapping's on-failure destination for discarded
 * records: their position in the stream, not the records themselves
 * (docs.aws.amazon.com/lambda/latest/dg/services-dynamodb-errors.html, "Example invocation
 * record"). {@code condition} is {@code RetryAttemptsExhausted} or {@code RecordAgeExceeded}.
 */
final class FailureRecord {
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private FailureRecord() {}

  /**
   * @param records the discarded records, in stream order, as in the event
   * @param functionError the last invocation's error ("Unhandled"), or null when it succeeded with
   *     item failures or never ran
   */
  static byte[] of(
      List<ObjectNode> records,
      String condition,
      int invokeCount,
      String functionError,
      String requestId,
      String functionArn,
      String shardId,
      String streamArn,
      Instant now) {
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.putObject("requestContext")
        .put("requestId", requestId)
        .put("functionArn", functionArn)
        .put("condition", condition)
        .put("approximateInvokeCount", invokeCount);
    ObjectNode response = root.putObject("responseContext");
    response.put("statusCode", invokeCount == 0 ? 0 : 200);
    response.put("executedVersion", invokeCount == 0 ? "" : "$LATEST");
    if (functionError != null) {
      response.put("functionError", functionError);
    }
    root.put("version", "1.0");
    root.put("timestamp", TIMESTAMP.format(now));
    JsonNode first = records.get(0).get("dynamodb");
    JsonNode last = records.get(records.size() - 1).get("dynamodb");
    root.putObject("DDBStreamBatchInfo")
        .put("shardId", shardId)
        .put("startSequenceNumber", first.get("SequenceNumber").asText())
        .put("endSequenceNumber", last.get("SequenceNumber").asText())
        .put("approximateArrivalOfFirstRecord", arrival(first))
        .put("approximateArrivalOfLastRecord", arrival(last))
        .put("batchSize", records.size())
        .put("streamArn", streamArn);
    return Json.bytes(root);
  }

  private static String arrival(JsonNode dynamodb) {
    return Instant.ofEpochSecond(dynamodb.path("ApproximateCreationDateTime").asLong()).toString();
  }
}
