package dev.orderly.dynamodb.internal.ops;

import dev.orderly.dynamodb.internal.error.DynamoDbException;
import dev.orderly.dynamodb.internal.expression.Update;
import dev.orderly.dynamodb.internal.table.IndexDefinition;
import dev.orderly.dynamodb.internal.table.KeySchema;
import dev.orderly.dynamodb.internal.table.Table;
import dev.orderly.dynamodb.internal.table.TableDefinition;
import dev.orderly.dynamodb.internal.value.AttributeValue;
import dev.orderly.dynamodb.internal.value.ItemSize;
import java.util.LinkedHashMap;
import java.util.Map;

/** Validates Put, Update, Delete and ConditionCheck requests into {@link PreparedWrite}s. */
final class ItemWrites {
  private final Engine engine;

  ItemWrites(Engine engine) {
    this.engine = engine;
  }

  PreparedWrite put(Requests r, boolean single) {
    r.required("TableName", "Item").tableName("TableName");
    r.oneOf("ReturnValues", ReturnValues.ALL)
        .oneOf("ReturnValuesOnConditionCheckFailure", ReturnValues.ON_FAILURE)
        .oneOf("ReturnConsumedCapacity", ReturnValues.CAPACITY)
        .oneOf("ReturnItemCollectionMetrics", ReturnValues.METRICS)
        .check();
    r.rejectLegacy("Expected", "ConditionalOperator");
    Map<String, AttributeValue> item = r.item("Item");
    String returnValues = r.string("ReturnValues");
    if (single
        && returnValues != null
        && !returnValues.equals("ALL_OLD")
        && !returnValues.equals("NONE")) {
      throw DynamoDbException.validation("ReturnValues can only be ALL_OLD or NONE");
    }
    if (ItemSize.of(item) > ItemSize.MAX_ITEM_BYTES) {
      throw DynamoDbException.validation("Item size has exceeded the maximum allowed size");
    }
    RequestExpressions expressions = RequestExpressions.parse(r, "ConditionExpression");
    Table table = engine.table(r.string("TableName"));
    KeySchema key = table.key();
    key.validateItemKey(item);
    checkIndexKeys(table.definition(), item);
    Map<String, AttributeValue> stored = Map.copyOf(item);
    Map<String, AttributeValue> keyAttributes = key.keyOf(stored);
    return new PreparedWrite(
        PreparedWrite.Kind.PUT,
        table,
        table.keyOf(stored),
        keyAttributes,
        expressions.condition,
        returnOldOnFailure(r),
        existing -> stored,
        null);
  }

  PreparedWrite update(Requests r) {
    r.required("TableName", "Key").tableName("TableName");
    r.oneOf("ReturnValues", ReturnValues.ALL)
        .oneOf("ReturnValuesOnConditionCheckFailure", ReturnValues.ON_FAILURE)
        .oneOf("ReturnConsumedCapacity", ReturnValues.CAPACITY)
        .oneOf("ReturnItemCollectionMetrics", ReturnValues.METRICS)
        .check();
    r.rejectLegacy("Expected", "ConditionalOperator", "AttributeUpdates");
    Map<String, AttributeValue> keyAttributes = r.item("Key");
    RequestExpressions expressions =
        RequestExpressions.parse(r, "UpdateExpression", "ConditionExpression");
    Table table = engine.table(r.string("TableName"));
    KeySchema key = table.key();
    key.validateKey(keyAttributes);
    Update update = expressions.update;
    if (update != null) {
      for (String name : update.topLevelNames()) {
        if (key.isKeyAttribute(name)) {
          throw DynamoDbException.validation(
              "One or more parameter values were invalid: Cannot update attribute "
                  + name
                  + ". This attribute is part of the key");
        }
      }
    }
    TableDefinition definition = table.definition();
    if (update != null) {
      checkKeyPaths(update.nestedPathHeads(), definition);
    }
    Map<String, AttributeValue> base = Map.copyOf(keyAttributes);
    return new PreparedWrite(
        PreparedWrite.Kind.UPDATE,
        table,
        table.keyOf(keyAttributes),
        base,
        expressions.condition,
        returnOldOnFailure(r),
        existing -> {
          Map<String, AttributeValue> start = existing == null ? base : existing;
          Map<String, AttributeValue> updated =
              update == null ? start : new LinkedHashMap<>(update.apply(start));
          checkIndexKeys(definition, updated);
          if (ItemSize.of(updated) > ItemSize.MAX_ITEM_BYTES) {
            throw DynamoDbException.validation(
                "Item size to update has exceeded the maximum allowed size");
          }
          return Map.copyOf(updated);
        },
        update);
  }

  PreparedWrite delete(Requests r, boolean single) {
    r.required("TableName", "Key").tableName("TableName");
    r.oneOf("ReturnValues", ReturnValues.ALL)
        .oneOf("ReturnValuesOnConditionCheckFailure", ReturnValues.ON_FAILURE)
        .oneOf("ReturnConsumedCapacity", ReturnValues.CAPACITY)
        .oneOf("ReturnItemCollectionMetrics", ReturnValues.METRICS)
        .check();
    r.rejectLegacy("Expected", "ConditionalOperator");
    Map<String, AttributeValue> keyAttributes = r.item("Key");
    String returnValues = r.string("ReturnValues");
    if (single
        && returnValues != null
        && !returnValues.equals("ALL_OLD")
        && !returnValues.equals("NONE")) {
      throw DynamoDbException.validation("ReturnValues can only be ALL_OLD or NONE");
    }
    RequestExpressions expressions = RequestExpressions.parse(r, "ConditionExpression");
    Table table = engine.table(r.string("TableName"));
    table.key().validateKey(keyAttributes);
    return new PreparedWrite(
        PreparedWrite.Kind.DELETE,
        table,
        table.keyOf(keyAttributes),
        Map.copyOf(keyAttributes),
        expressions.condition,
        returnOldOnFailure(r),
        existing -> null,
        null);
  }

  PreparedWrite conditionCheck(Requests r) {
    r.required("TableName", "Key", "ConditionExpression").tableName("TableName");
    r.oneOf("ReturnValuesOnConditionCheckFailure", ReturnValues.ON_FAILURE).check();
    Map<String, AttributeValue> keyAttributes = r.item("Key");
    RequestExpressions expressions = RequestExpressions.parse(r, "ConditionExpression");
    Table table = engine.table(r.string("TableName"));
    table.key().validateKey(keyAttributes);
    return new PreparedWrite(
        PreparedWrite.Kind.CONDITION_CHECK,
        table,
        table.keyOf(keyAttributes),
        Map.copyOf(keyAttributes),
        expressions.condition,
        returnOldOnFailure(r),
        existing -> existing,
        null);
  }

  private static boolean returnOldOnFailure(Requests r) {
    return "ALL_OLD".equals(r.string("ReturnValuesOnConditionCheckFailure"));
  }

  /**
   * Paths below the top level ({@code pk.x}, {@code pk[0]}) may not start at a key attribute of the
   * table or of an index, as DynamoDB rejects them.
   */
  static void checkKeyPaths(java.util.Set<String> nestedHeads, TableDefinition definition) {
    KeySchema key = definition.key();
    for (String name : new String[] {key.hashName(), key.rangeName()}) {
      if (name != null && nestedHeads.contains(name)) {
        throw DynamoDbException.validation(
            "Key attributes must be scalars; list random access '[]' and map lookup '.' are not"
                + " allowed: Key: "
                + name);
      }
    }
    for (IndexDefinition index : definition.allIndexes()) {
      KeySchema indexKey = index.key();
      for (String name : new String[] {indexKey.hashName(), indexKey.rangeName()}) {
        if (name != null && nestedHeads.contains(name)) {
          throw DynamoDbException.validation(
              "Key attributes must be scalars; list random access '[]' and map lookup '.' are not"
                  + " allowed: IndexKey: "
                  + name);
        }
      }
    }
  }

  /** Index key attributes, where present, must have the type the table defines for them. */
  static void checkIndexKeys(TableDefinition definition, Map<String, AttributeValue> item) {
    for (IndexDefinition index : definition.allIndexes()) {
      KeySchema key = index.key();
      if (index.global()) {
        checkIndexKey(index, key.hashName(), key.hashType(), item);
      }
      if (key.hasRange()) {
        checkIndexKey(index, key.rangeName(), key.rangeType(), item);
      }
    }
  }

  private static void checkIndexKey(
      IndexDefinition index, String name, String type, Map<String, AttributeValue> item) {
    AttributeValue value = item.get(name);
    if (value == null) {
      return;
    }
    if (!value.type().equals(type)) {
      throw DynamoDbException.validation(
          "One or more parameter values were invalid: Type mismatch for Index Key "
              + name
              + " Expected: "
              + type
              + " Actual: "
              + value.type()
              + " IndexName: "
              + index.name());
    }
    boolean empty =
        (value instanceof AttributeValue.S s && s.value().isEmpty())
            || (value instanceof AttributeValue.B b && b.value().length() == 0);
    if (empty) {
      throw DynamoDbException.validation(
          "One or more parameter values are not valid. A value specified for a secondary index key"
              + " is not supported. The AttributeValue for a key attribute cannot contain an empty"
              + " "
              + (value instanceof AttributeValue.S ? "string" : "binary")
              + " value. IndexName: "
              + index.name()
              + ", IndexKey: "
              + name);
    }
  }
}
