package dev.orderly.outboxrelay;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Reads a table's stream from the engine through the Streams API and hands it over as Lambda's
 * event source mapping would: a {@code DynamodbEvent} whose records carry the stream's ARN.
 */
final class StreamBatches {
  private final DynamoDbStreamsClient streams;
  private final String streamArn;
  private String iterator;

  StreamBatches(DynamoDbStreamsClient streams, String streamArn) {
    this.streams = streams;
    this.streamArn = streamArn;
    String shard =
        streams
            .describeStream(b -> b.streamArn(streamArn))
            .streamDescription()
            .shards()
            .get(0)
            .shardId();
    this.iterator =
        streams
            .getShardIterator(
                b -> b.streamArn(streamArn).shardId(shard).shardIteratorType("TRIM_HORIZON"))
            .shardIterator();
  }

  /** The records written since the previous batch. */
  DynamodbEvent next() {
    var response = streams.getRecords(b -> b.shardIterator(iterator));
    iterator = response.nextShardIterator();
    return toLambdaEvent(response.records());
  }

  private DynamodbEvent toLambdaEvent(List<Record> records) {
    List<DynamodbEvent.DynamodbStreamRecord> converted = new ArrayList<>();
    for (Record record : records) {
      DynamodbEvent.DynamodbStreamRecord lambda = new DynamodbEvent.DynamodbStreamRecord();
      lambda.setEventID(record.eventID());
      lambda.setEventName(record.eventNameAsString());
      lambda.setEventSource("aws:dynamodb");
      lambda.setEventSourceARN(streamArn);
      StreamRecord data = new StreamRecord();
      data.setSequenceNumber(record.dynamodb().sequenceNumber());
      data.setKeys(convert(record.dynamodb().keys()));
      if (record.dynamodb().hasNewImage()) {
        data.setNewImage(convert(record.dynamodb().newImage()));
      }
      lambda.setDynamodb(data);
      converted.add(lambda);
    }
    DynamodbEvent event = new DynamodbEvent();
    event.setRecords(converted);
    return event;
  }

  private static Map<String, AttributeValue> convert(
      Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> item) {
    Map<String, AttributeValue> out = new HashMap<>();
    item.forEach((name, value) -> out.put(name, convert(value)));
    return out;
  }

  private static AttributeValue convert(
      software.amazon.awssdk.services.dynamodb.model.AttributeValue value) {
    AttributeValue out = new AttributeValue();
    if (value.s() != null) {
      out.setS(value.s());
    } else if (value.n() != null) {
      out.setN(value.n());
    } else if (value.bool() != null) {
      out.setBOOL(value.bool());
    } else if (value.hasM()) {
      out.setM(convert(value.m()));
    } else {
      throw new IllegalArgumentException("unsupported attribute value in a test stream: " + value);
    }
    return out;
  }
}
