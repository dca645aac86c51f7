package dev.orderly.outbox;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Outbox items in a service's own table (keys {@code pk}/{@code sk}, strings), beside the business
 * items they describe: {@code pk = OUTBOX#<aggregate>}, {@code sk = <sequence, 20 digits>}. A
 * service adds {@link #put} to the transaction that changes the aggregate; the table's stream then
 * carries the entry to the relay.
 */
public final class OutboxTable {
  static final String PREFIX = "OUTBOX#";

  private final String table;

  public OutboxTable(String table) {
    this.table = Objects.requireNonNull(table, "table");
  }

  public String name() {
    return table;
  }

  /** The transaction item that writes an entry, failing if its position is taken. */
  public TransactWriteItem put(OutboxEntry entry, Instant now) {
    return TransactWriteItem.builder()
        .put(
            Put.builder()
                .tableName(table)
                .item(toItem(entry, now))
                .conditionExpression("attribute_not_exists(pk)")
                .build())
        .build();
  }

  static Map<String, AttributeValue> key(String aggregateId, long sequence) {
    return Map.of(
        "pk", AttributeValue.fromS(PREFIX + aggregateId),
        "sk", AttributeValue.fromS(String.format("%020d", sequence)));
  }

  static Map<String, AttributeValue> toItem(OutboxEntry entry, Instant now) {
    Map<String, AttributeValue> item = new HashMap<>(key(entry.aggregateId(), entry.sequence()));
    EventEnvelope event = entry.event();
    item.put("type", AttributeValue.fromS("OUTBOX"));
    item.put("aggregateId", AttributeValue.fromS(entry.aggregateId()));
    item.put("sequence", AttributeValue.fromN(Long.toString(entry.sequence())));
    item.put("source", AttributeValue.fromS(event.source()));
    item.put("detailType", AttributeValue.fromS(event.detailType()));
    item.put("detail", AttributeValue.fromS(event.detailJson()));
    item.put("status", AttributeValue.fromS("PENDING"));
    item.put("createdAt", AttributeValue.fromS(now.toString()));
    return item;
  }
}
