package dev.orderly.dynamodb.internal.stream;

import dev.orderly.dynamodb.internal.value.AttributeValue;
import java.time.Instant;
import java.util.Map;

/**
 * One change to one item, as DynamoDB Streams reports it. Images are present according to the
 * stream's view type; {@code byTtl} marks deletions made by the TTL sweeper (DynamoDB marks them
 * with the service principal {@code dynamodb.amazonaws.com}).
 */
public record StreamRecord(
    String eventId,
    String eventName,
    long sequence,
    Instant created,
    Map<String, AttributeValue> keys,
    Map<String, AttributeValue> newImage,
    Map<String, AttributeValue> oldImage,
    int sizeBytes,
    String viewType,
    boolean byTtl) {

  /** DynamoDB's sequence numbers are decimal strings of at least 21 digits. */
  public String sequenceNumber() {
    return formatSequence(sequence);
  }

  public static String formatSequence(long sequence) {
    return String.format("%021d", sequence);
  }
}
