package dev.orderly.dynamodb.internal.table;

import dev.orderly.dynamodb.internal.stream.StreamLog;
import dev.orderly.dynamodb.internal.value.AttributeValue;
import dev.orderly.dynamodb.internal.value.ItemSize;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A table's data: items in key order, one ordered map per secondary index, and the stream. Reads
 * are lock-free; every write goes through {@link #write} under the engine's write lock, which keeps
 * items, indexes and the stream consistent with each other.
 */
public final class Table {
  private volatile TableDefinition definition;
  private final NavigableMap<PrimaryKey, Map<String, AttributeValue>> items =
      new ConcurrentSkipListMap<>();
  private final Map<String, NavigableMap<PrimaryKey, Map<String, AttributeValue>>> indexes =
      new HashMap<>();
  private final AtomicLong sizeBytes = new AtomicLong();
  private volatile String ttlAttribute;
  private volatile StreamLog stream;

  public Table(TableDefinition definition, StreamLog stream) {
    this.definition = definition;
    this.stream = stream;
    for (IndexDefinition index : definition.allIndexes()) {
      indexes.put(index.name(), new ConcurrentSkipListMap<>());
    }
  }

  public TableDefinition definition() {
    return definition;
  }

  public String name() {
    return definition.name();
  }

  public KeySchema key() {
    return definition.key();
  }

  public NavigableMap<PrimaryKey, Map<String, AttributeValue>> items() {
    return items;
  }

  public NavigableMap<PrimaryKey, Map<String, AttributeValue>> index(String name) {
    return indexes.get(name);
  }

  public long itemCount() {
    return items.size();
  }

  public long sizeBytes() {
    return sizeBytes.get();
  }

  public String ttlAttribute() {
    return ttlAttribute;
  }

  public void ttlAttribute(String attribute) {
    this.ttlAttribute = attribute;
  }

  public StreamLog stream() {
    return stream;
  }

  public void stream(StreamLog log, TableDefinition withStream) {
    this.stream = log;
    this.definition = withStream;
  }

  public PrimaryKey keyOf(Map<String, AttributeValue> item) {
    KeySchema key = definition.key();
    return PrimaryKey.ofTable(
        item.get(key.hashName()), key.hasRange() ? item.get(key.rangeName()) : null);
  }

  public Map<String, AttributeValue> get(Map<String, AttributeValue> key) {
    return items.get(keyOf(key));
  }

  /**
   * Replaces the item at {@code key} with {@code newItem} (null deletes), maintaining indexes and
   * the stream. Callers hold the engine's write lock.
   */
  public void write(
      PrimaryKey key,
      Map<String, AttributeValue> oldItem,
      Map<String, AttributeValue> newItem,
      Instant now,
      boolean byTtl) {
    if (oldItem == null && newItem == null) {
      return;
    }
    if (newItem == null) {
      items.remove(key);
    } else {
      items.put(key, newItem);
    }
    sizeBytes.addAndGet(
        (newItem == null ? 0 : ItemSize.of(newItem))
            - (oldItem == null ? 0 : ItemSize.of(oldItem)));
    for (IndexDefinition index : definition.allIndexes()) {
      NavigableMap<PrimaryKey, Map<String, AttributeValue>> entries = indexes.get(index.name());
      if (oldItem != null && index.key().covers(oldItem)) {
        entries.remove(indexKey(index, oldItem, key));
      }
      if (newItem != null && index.key().covers(newItem)) {
        entries.put(indexKey(index, newItem, key), index.project(newItem, definition.key()));
      }
    }
    StreamLog log = stream;
    if (log != null) {
      Map<String, AttributeValue> source = newItem != null ? newItem : oldItem;
      log.append(definition.key().keyOf(source), oldItem, newItem, now, byTtl);
    }
  }

  private static PrimaryKey indexKey(
      IndexDefinition index, Map<String, AttributeValue> item, PrimaryKey tableKey) {
    KeySchema key = index.key();
    return PrimaryKey.ofIndex(
        item.get(key.hashName()), key.hasRange() ? item.get(key.rangeName()) : null, tableKey);
  }
}
