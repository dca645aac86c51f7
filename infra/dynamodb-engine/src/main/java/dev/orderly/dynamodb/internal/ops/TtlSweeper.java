package dev.orderly.dynamodb.internal.ops;

import dev.orderly.dynamodb.internal.table.PrimaryKey;
import dev.orderly.dynamodb.internal.table.Table;
import dev.orderly.dynamodb.internal.value.AttributeValue;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Deletes items whose TTL attribute (a Number of epoch seconds) lies in the past, as DynamoDB's
 * background TTL process does: values more than five years in the past are ignored, as DynamoDB
 * ignores them, and each deletion appears in the stream marked as made by the service.
 */
public final class TtlSweeper {
  static final Duration IGNORED_AFTER = Duration.ofDays(5 * 365);

  private final Engine engine;

  public TtlSweeper(Engine engine) {
    this.engine = engine;
  }

  /** One pass over every table with TTL enabled; returns how many items it deleted. */
  public int sweep() {
    Instant now = engine.clock().instant();
    int deleted = 0;
    for (Table table : engine.tables().values()) {
      String attribute = table.ttlAttribute();
      if (attribute == null) {
        continue;
      }
      List<PrimaryKey> expired = new ArrayList<>();
      for (Map.Entry<PrimaryKey, Map<String, AttributeValue>> e : table.items().entrySet()) {
        if (isExpired(e.getValue().get(attribute), now)) {
          expired.add(e.getKey());
        }
      }
      for (PrimaryKey key : expired) {
        deleted +=
            engine.write(
                () -> {
                  Map<String, AttributeValue> current = table.items().get(key);
                  // Re-check under the lock: the item may have been rewritten since the scan.
                  if (current == null || !isExpired(current.get(attribute), now)) {
                    return 0;
                  }
                  table.write(key, current, null, now, true);
                  return 1;
                });
      }
    }
    return deleted;
  }

  static boolean isExpired(AttributeValue value, Instant now) {
    if (!(value instanceof AttributeValue.N n)) {
      return false;
    }
    BigDecimal seconds = n.value();
    BigDecimal nowSeconds = BigDecimal.valueOf(now.getEpochSecond());
    return seconds.compareTo(nowSeconds) < 0
        && seconds.compareTo(nowSeconds.subtract(BigDecimal.valueOf(IGNORED_AFTER.toSeconds())))
            >= 0;
  }
}
