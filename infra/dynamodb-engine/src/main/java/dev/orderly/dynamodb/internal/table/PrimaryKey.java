package dev.orderly.dynamodb.internal.table;

import dev.orderly.dynamodb.internal.value.AttributeValue;
import java.util.Comparator;

/**
 * Where an item sits in a table or index: the hash prefix first (the Scan order), then the
 * partition key, then the sort key (the Query order). Index entries append the table's own key so
 * that items sharing an index key stay distinct.
 */
public record PrimaryKey(
    int prefix, AttributeValue hash, AttributeValue range, int tablePrefix, PrimaryKey tableKey)
    implements Comparable<PrimaryKey> {

  private static final Comparator<AttributeValue> NULLABLE =
      Comparator.nullsFirst(AttributeValue::compareScalars);

  public static PrimaryKey ofTable(AttributeValue hash, AttributeValue range) {
    return new PrimaryKey(HashPrefix.of(hash), hash, range, 0, null);
  }

  public static PrimaryKey ofIndex(AttributeValue hash, AttributeValue range, PrimaryKey tableKey) {
    return new PrimaryKey(
        HashPrefix.of(hash),
        hash,
        range,
        HashPrefix.of(tableKey.hash(), tableKey.range()),
        tableKey);
  }

  /** The lowest key of a partition, for range scans (sorts before every item of the partition). */
  public static PrimaryKey partitionStart(AttributeValue hash) {
    return new PrimaryKey(HashPrefix.of(hash), hash, null, Integer.MIN_VALUE, null);
  }

  /** A key after every key of a partition, for reading a partition backwards. */
  public static PrimaryKey partitionEnd(AttributeValue hash) {
    return new PrimaryKey(HashPrefix.of(hash), hash, null, Integer.MAX_VALUE, null);
  }

  /** 0: no sort key (or a lower bound), 1: a sort key, 2: the end-of-partition bound. */
  private int rangeRank() {
    if (range != null) {
      return 1;
    }
    return tablePrefix == Integer.MAX_VALUE && tableKey == null ? 2 : 0;
  }

  /** The lowest possible key with the given prefix: a bound for scanning a range of prefixes. */
  public static PrimaryKey prefixStart(int prefix) {
    return new PrimaryKey(prefix, null, null, Integer.MIN_VALUE, null);
  }

  @Override
  public int compareTo(PrimaryKey o) {
    int c = Integer.compare(prefix, o.prefix);
    if (c != 0) {
      return c;
    }
    c = NULLABLE.compare(hash, o.hash);
    if (c != 0) {
      return c;
    }
    c = Integer.compare(rangeRank(), o.rangeRank());
    if (c != 0) {
      return c;
    }
    if (range != null) {
      c = AttributeValue.compareScalars(range, o.range);
      if (c != 0) {
        return c;
      }
    }
    c = Integer.compare(tablePrefix, o.tablePrefix);
    if (c != 0) {
      return c;
    }
    if (tableKey == o.tableKey) {
      return 0;
    }
    if (tableKey == null || o.tableKey == null) {
      return tableKey == null ? -1 : 1;
    }
    return tableKey.compareTo(o.tableKey);
  }
}
