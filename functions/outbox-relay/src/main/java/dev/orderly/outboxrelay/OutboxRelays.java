package dev.orderly.outboxrelay;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.orderly.outbox.OutboxRelay;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * One relay per service table. One function serves the streams of the orders, inventory, payments
 * and users tables (four event source mappings); a batch comes from one stream, and the relay must
 * mark entries published in the table they came from, which the batch's {@code eventSourceARN}
 * ({@code arn:aws:dynamodb:<region>:<account>:table/<name>/stream/<label>}) names.
 */
public final class OutboxRelays {
  private final Map<String, OutboxRelay> byTable;

  public OutboxRelays(Map<String, OutboxRelay> byTable) {
    this.byTable = Map.copyOf(byTable);
  }

  public StreamsEventResponse relay(DynamodbEvent batch) {
    List<DynamodbEvent.DynamodbStreamRecord> records =
        batch.getRecords() == null ? List.of() : batch.getRecords();
    if (records.isEmpty()) {
      return new StreamsEventResponse(List.of());
    }
    Set<String> sources = new TreeSet<>();
    records.forEach(record -> sources.add(String.valueOf(record.getEventSourceARN())));
    if (sources.size() != 1) {
      throw new UnknownStreamException("a batch comes from one stream, this one from " + sources);
    }
    String table = tableOf(sources.iterator().next());
    OutboxRelay relay = byTable.get(table);
    if (relay == null) {
      throw new UnknownStreamException(
          "table "
              + table
              + " is not one of the relayed tables "
              + new TreeSet<>(byTable.keySet()));
    }
    return relay.relay(batch);
  }

  /** The table name in a stream ARN. */
  static String tableOf(String streamArn) {
    Objects.requireNonNull(streamArn, "streamArn");
    int start = streamArn.indexOf(":table/");
    int end = start < 0 ? -1 : streamArn.indexOf("/stream/", start);
    if (!streamArn.startsWith("arn:") || start < 0 || end < 0) {
      throw new UnknownStreamException("not a DynamoDB stream ARN: " + streamArn);
    }
    return streamArn.substring(start + ":table/".length(), end);
  }
}
