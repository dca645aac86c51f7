package dev.orderly.outbox;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * Turns what DynamoDB Streams' GetRecords returned (SDK model) into the event Lambda hands a
 * stream-triggered function, as the event source mapping does: the relay under test then reads real
 * stream records from the engine.
 */
final class StreamEvents {
  private StreamEvents() {}

  static DynamodbEvent toLambdaEvent(List<Record> records) {
    List<DynamodbEvent.DynamodbStreamRecord> converted = new ArrayList<>();
    for (Record record : records) {
      DynamodbEvent.DynamodbStreamRecord lambda = new DynamodbEvent.DynamodbStreamRecord();
      lambda.setEventID(record.eventID());
      lambda.setEventName(record.eventNameAsString());
      lambda.setEventSource("aws:dynamodb");
      StreamRecord data = new StreamRecord();
      data.setSequenceNumber(record.dynamodb().sequenceNumber());
      data.setKeys(convert(record.dynamodb().keys()));
      if (record.dynamodb().hasNewImage()) {
        data.setNewImage(convert(record.dynamodb().newImage()));
      }
      if (record.dynamodb().hasOldImage()) {
        data.setOldImage(convert(record.dynamodb().oldImage()));
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
    } else if (value.hasL()) {
      List<AttributeValue> list = new ArrayList<>();
      value.l().forEach(v -> list.add(convert(v)));
      out.setL(list);
    } else if (Boolean.TRUE.equals(value.nul())) {
      out.setNULL(true);
    } else {
      throw new IllegalArgumentException("unsupported attribute value in a test stream: " + value);
    }
    return out;
  }
}
