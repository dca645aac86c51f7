package dev.orderly.dynamodb.internal.ops;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderly.dynamodb.internal.value.AttributeValue;
import dev.orderly.dynamodb.internal.value.ItemSize;
import java.util.Map;
import java.util.function.DoubleSupplier;

/** Consumed capacity as DynamoDB reports it: 1 KB write units, 4 KB read units. */
final class Capacity {
  private Capacity() {}

  static double writeUnits(
      Map<String, AttributeValue> oldItem, Map<String, AttributeValue> newItem) {
    return Math.max(Math.max(kb(oldItem, 1024), kb(newItem, 1024)), 1);
  }

  static double readUnits(Map<String, AttributeValue> item, boolean consistent) {
    double units = Math.max(kb(item, 4096), 1);
    return consistent ? units : units / 2;
  }

  private static double kb(Map<String, AttributeValue> item, int unit) {
    return item == null ? 0 : Math.ceil(ItemSize.of(item) / (double) unit);
  }

  /** Adds ConsumedCapacity to a response when the request asked for it. */
  static void report(Requests r, ObjectNode out, String table, DoubleSupplier computeUnits) {
    String mode = r.string("ReturnConsumedCapacity");
    if (!"TOTAL".equals(mode) && !"INDEXES".equals(mode)) {
      return;
    }
    double units = computeUnits.getAsDouble();
    ObjectNode consumed = out.putObject("ConsumedCapacity");
    consumed.put("CapacityUnits", units);
    consumed.put("TableName", table);
    if ("INDEXES".equals(mode)) {
      consumed.putObject("Table").put("CapacityUnits", units);
    }
  }

  /**
   * ConsumedCapacity as a list with one entry per table, as the batch and transaction calls give.
   */
  static void reportTables(Requests r, ObjectNode out, Map<String, Double> units) {
    String mode = r.string("ReturnConsumedCapacity");
    if (!"TOTAL".equals(mode) && !"INDEXES".equals(mode)) {
      return;
    }
    ArrayNode consumed = out.putArray("ConsumedCapacity");
    for (Map.Entry<String, Double> e : units.entrySet()) {
      ObjectNode c = consumed.addObject();
      c.put("CapacityUnits", e.getValue());
      c.put("TableName", e.getKey());
      if ("INDEXES".equals(mode)) {
        c.putObject("Table").put("CapacityUnits", e.getValue());
      }
    }
  }
}
