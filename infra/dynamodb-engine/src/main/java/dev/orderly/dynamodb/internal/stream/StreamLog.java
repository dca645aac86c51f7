package dev.orderly.dynamodb.internal.stream;

import dev.orderly.dynamodb.internal.value.AttributeValue;
import dev.orderly.dynamodb.internal.value.ItemSize;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The single shard of a table's stream: an append-only log trimmed after 24 hours, as DynamoDB
 * keeps records for 24 hours.
 */
public final class StreamLog {
  public static final Duration RETENTION = Duration.ofHours(24);

  private final String streamArn;
  private final String viewType;
  private final String shardId;
  private final long firstSequence;
  private final List<StreamRecord> records = new ArrayList<>();
  private long nextSequence;
  private long trimmedBefore;

  public StreamLog(String streamArn, String viewType, Instant created, long firstSequence) {
    this.streamArn = streamArn;
    this.viewType = viewType;
    this.shardId =
        String.format("shardId-%020d-%s", created.toEpochMilli(), Long.toHexString(firstSequence));
    this.firstSequence = firstSequence;
    this.nextSequence = firstSequence;
    this.trimmedBefore = firstSequence;
  }

  public String streamArn() {
    return streamArn;
  }

  public String viewType() {
    return viewType;
  }

  public String shardId() {
    return shardId;
  }

  public long firstSequence() {
    return firstSequence;
  }

  /** Appends a change; {@code oldItem} or {@code newItem} is null for inserts and removes. */
  public synchronized void append(
      Map<String, AttributeValue> keys,
      Map<String, AttributeValue> oldItem,
      Map<String, AttributeValue> newItem,
      Instant now,
      boolean byTtl) {
    String eventName = oldItem == null ? "INSERT" : newItem == null ? "REMOVE" : "MODIFY";
    boolean newImage = viewType.equals("NEW_IMAGE") || viewType.equals("NEW_AND_OLD_IMAGES");
    boolean oldImage = viewType.equals("OLD_IMAGE") || viewType.equals("NEW_AND_OLD_IMAGES");
    Map<String, AttributeValue> newShown = newImage ? newItem : null;
    Map<String, AttributeValue> oldShown = oldImage ? oldItem : null;
    int size =
        ItemSize.of(keys)
            + (newShown == null ? 0 : ItemSize.of(newShown))
            + (oldShown == null ? 0 : ItemSize.of(oldShown));
    records.add(
        new StreamRecord(
            UUID.randomUUID().toString().replace("-", ""),
            eventName,
            nextSequence++,
            now,
            keys,
            newShown,
            oldShown,
            size,
            viewType,
            byTtl));
  }

  /** Drops records older than the retention period. */
  public synchronized void trim(Instant now) {
    Instant horizon = now.minus(RETENTION);
    int drop = 0;
    while (drop < records.size() && records.get(drop).created().isBefore(horizon)) {
      drop++;
    }
    if (drop > 0) {
      trimmedBefore = records.get(drop - 1).sequence() + 1;
      records.subList(0, drop).clear();
    }
  }

  /** The first sequence still held (records before it were trimmed). */
  public synchronized long trimHorizon() {
    return trimmedBefore;
  }

  /** The sequence the next record will get. */
  public synchronized long latest() {
    return nextSequence;
  }

  /** Up to {@code limit} records with sequence at or after {@code from}. */
  public synchronized List<StreamRecord> read(long from, int limit) {
    List<StreamRecord> out = new ArrayList<>(Math.min(limit, records.size()));
    int start = (int) Math.max(0, from - trimmedBefore);
    for (int i = start; i < records.size() && out.size() < limit; i++) {
      out.add(records.get(i));
    }
    return out;
  }
}
