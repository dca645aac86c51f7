package dev.orderly.dynamodb.internal.ops;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderly.dynamodb.internal.error.DynamoDbException;
import dev.orderly.dynamodb.internal.expression.KeyCondition;
import dev.orderly.dynamodb.internal.table.HashPrefix;
import dev.orderly.dynamodb.internal.table.IndexDefinition;
import dev.orderly.dynamodb.internal.table.KeySchema;
import dev.orderly.dynamodb.internal.table.PrimaryKey;
import dev.orderly.dynamodb.internal.table.Table;
import dev.orderly.dynamodb.internal.value.AttributeValue;
import dev.orderly.dynamodb.internal.value.ItemSize;
import dev.orderly.dynamodb.internal.value.ValueJson;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NavigableMap;

/** Query and Scan, over a table or one of its indexes, paged by Limit and by 1 MB of data. */
public final class QueryOps {
  static final int PAGE_BYTES = 1024 * 1024;
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String[] SELECT = {
    "SPECIFIC_ATTRIBUTES", "COUNT", "ALL_ATTRIBUTES", "ALL_PROJECTED_ATTRIBUTES"
  };

  private final Engine engine;

  public QueryOps(Engine engine) {
    this.engine = engine;
  }

  public ObjectNode query(ObjectNode body) {
    Requests r = new Requests(body);
    r.required("TableName").tableName("TableName");
    r.oneOf("Select", SELECT)
        .oneOf("ReturnConsumedCapacity", ReturnValues.CAPACITY)
        .atLeast("Limit", 1)
        .check();
    r.rejectLegacy("KeyConditions", "QueryFilter", "AttributesToGet", "ConditionalOperator");
    if (r.node("KeyConditionExpression") == null) {
      throw DynamoDbException.validation(
          "Either the KeyConditions or KeyConditionExpression parameter must be specified in the"
              + " request.");
    }
    Map<String, AttributeValue> startKey = r.item("ExclusiveStartKey");
    RequestExpressions expressions =
        RequestExpressions.parse(
            r, "ProjectionExpression", "FilterExpression", "KeyConditionExpression");
    Source source = Source.of(engine.table(r.string("TableName")), r, true);
    KeySchema key = source.key();
    KeyCondition.Resolved condition =
        expressions.keyCondition.resolve(
            key.hashName(), key.hashType(), key.rangeName(), key.rangeType());
    source.checkFilterKeys(expressions.filter);
    checkKeyPaths(expressions, source.table());
    AttributeValue hash = condition.partitionValue();
    boolean forward = r.node("ScanIndexForward") == null || r.bool("ScanIndexForward");
    NavigableMap<PrimaryKey, Map<String, AttributeValue>> partition =
        source
            .entries()
            .subMap(PrimaryKey.partitionStart(hash), true, PrimaryKey.partitionEnd(hash), false);
    if (startKey != null) {
      PrimaryKey start = source.startKey(startKey);
      if (!hash.equals(startKey.get(key.hashName()))) {
        throw DynamoDbException.validation(
            "The provided starting key is outside query boundaries based on provided conditions");
      }
      partition = forward ? partition.tailMap(start, false) : partition.headMap(start, false);
    }
    NavigableMap<PrimaryKey, Map<String, AttributeValue>> ordered =
        forward ? partition : partition.descendingMap();
    Iterator<Map.Entry<PrimaryKey, Map<String, AttributeValue>>> entries =
        new PartitionIterator(ordered.entrySet().iterator(), hash, key, condition);
    return new Pager(source, r, expressions).page(entries);
  }

  public ObjectNode scan(ObjectNode body) {
    Requests r = new Requests(body);
    r.required("TableName").tableName("TableName");
    r.oneOf("Select", SELECT)
        .oneOf("ReturnConsumedCapacity", ReturnValues.CAPACITY)
        .atLeast("Limit", 1)
        .atLeast("Segment", 0)
        .atMost("Segment", 999999)
        .atLeast("TotalSegments", 1)
        .atMost("TotalSegments", 1000000)
        .check();
    r.rejectLegacy("ScanFilter", "AttributesToGet", "ConditionalOperator");
    Map<String, AttributeValue> startKey = r.item("ExclusiveStartKey");
    Integer segment = r.integer("Segment");
    Integer total = r.integer("TotalSegments");
    if (segment != null && segment > 0 && total == null) {
      throw DynamoDbException.validation(
          "The TotalSegments parameter is required but was not present in the request when"
              + " Segment parameter is present");
    }
    if (total != null) {
      if (segment == null) {
        throw DynamoDbException.validation(
            "The Segment parameter is required but was not present in the request when parameter"
                + " TotalSegments is present");
      }
      if (segment >= total) {
        throw DynamoDbException.validation(
            "The Segment parameter is zero-based and must be less than parameter TotalSegments:"
                + " Segment: "
                + segment
                + " is not less than TotalSegments: "
                + total);
      }
    }
    RequestExpressions expressions =
        RequestExpressions.parse(r, "ProjectionExpression", "FilterExpression");
    Source source = Source.of(engine.table(r.string("TableName")), r, false);
    checkKeyPaths(expressions, source.table());
    NavigableMap<PrimaryKey, Map<String, AttributeValue>> range = source.entries();
    if (total != null && total > 1) {
      int buckets = HashPrefix.SEGMENT_BUCKETS;
      int first = (int) Math.ceil(buckets * (double) segment / total);
      int last = (int) Math.ceil(buckets * (double) (segment + 1) / total) - 1;
      range =
          range.subMap(
              PrimaryKey.prefixStart(first << 12),
              true,
              PrimaryKey.prefixStart((last + 1) << 12),
              false);
      if (startKey != null) {
        int bucket = HashPrefix.bucket(source.startKey(startKey).prefix());
        if (bucket < first || bucket > last) {
          throw DynamoDbException.validation(
              "The provided starting key is invalid: Invalid ExclusiveStartKey. Please use"
                  + " ExclusiveStartKey with correct Segment. TotalSegments: "
                  + total
                  + " Segment: "
                  + segment);
        }
      }
    }
    if (startKey != null) {
      range = range.tailMap(source.startKey(startKey), false);
    }
    return new Pager(source, r, expressions).page(range.entrySet().iterator());
  }

  private static void checkKeyPaths(RequestExpressions expressions, Table table) {
    if (expressions.projection != null) {
      ItemWrites.checkKeyPaths(expressions.projection.nestedPathHeads(), table.definition());
    }
    if (expressions.filter != null) {
      ItemWrites.checkKeyPaths(expressions.filter.nestedPathHeads(), table.definition());
    }
  }

  /** Walks one partition in key order, stopping at its end, yielding items the sort key admits. */
  private static final class PartitionIterator
      implements Iterator<Map.Entry<PrimaryKey, Map<String, AttributeValue>>> {
    private final Iterator<Map.Entry<PrimaryKey, Map<String, AttributeValue>>> source;
    private final AttributeValue hash;
    private final KeySchema key;
    private final KeyCondition.Resolved condition;
    private Map.Entry<PrimaryKey, Map<String, AttributeValue>> next;

    PartitionIterator(
        Iterator<Map.Entry<PrimaryKey, Map<String, AttributeValue>>> source,
        AttributeValue hash,
        KeySchema key,
        KeyCondition.Resolved condition) {
      this.source = source;
      this.hash = hash;
      this.key = key;
      this.condition = condition;
      advance();
    }

    private void advance() {
      next = null;
      while (source.hasNext()) {
        Map.Entry<PrimaryKey, Map<String, AttributeValue>> candidate = source.next();
        if (!hash.equals(candidate.getKey().hash())) {
          return;
        }
        AttributeValue range = key.hasRange() ? candidate.getValue().get(key.rangeName()) : null;
        if (condition.test(range)) {
          next = candidate;
          return;
        }
      }
    }

    @Override
    public boolean hasNext() {
      return next != null;
    }

    @Override
    public Map.Entry<PrimaryKey, Map<String, AttributeValue>> next() {
      Map.Entry<PrimaryKey, Map<String, AttributeValue>> current = next;
      if (current == null) {
        throw new java.util.NoSuchElementException();
      }
      advance();
      return current;
    }
  }

  /** Collects one page: Limit and the 1 MB budget bound what is read, the filter what is shown. */
  private static final class Pager {
    private final Source source;
    private final Requests r;
    private final RequestExpressions expressions;

    Pager(Source source, Requests r, RequestExpressions expressions) {
      this.source = source;
      this.r = r;
      this.expressions = expressions;
    }

    ObjectNode page(Iterator<Map.Entry<PrimaryKey, Map<String, AttributeValue>>> entries) {
      Integer limit = r.integer("Limit");
      boolean count = "COUNT".equals(r.string("Select"));
      ObjectNode out = NODES.objectNode();
      ArrayNode items = NODES.arrayNode();
      int scanned = 0;
      int matched = 0;
      long bytes = 0;
      long readBytes = 0;
      Map<String, AttributeValue> last = null;
      while ((limit == null || scanned < limit) && bytes < PAGE_BYTES && entries.hasNext()) {
        Map<String, AttributeValue> stored = entries.next().getValue();
        Map<String, AttributeValue> item = source.fetch(stored);
        int size = ItemSize.of(stored);
        bytes += size;
        readBytes += size;
        scanned++;
        last = stored;
        if (expressions.filter != null && !expressions.filter.test(item)) {
          continue;
        }
        matched++;
        if (!count) {
          items.add(
              ValueJson.writeItem(
                  expressions.projection == null ? item : expressions.projection.apply(item)));
        }
      }
      boolean truncated = (limit != null && scanned >= limit) || bytes >= PAGE_BYTES;
      if (!count) {
        out.set("Items", items);
      }
      out.put("Count", matched);
      out.put("ScannedCount", scanned);
      if (truncated && last != null) {
        out.set("LastEvaluatedKey", ValueJson.writeItem(source.lastKey(last)));
      }
      double units = Math.ceil(readBytes / 4096.0);
      double consumed = r.bool("ConsistentRead") ? units : units / 2;
      Capacity.report(r, out, source.table().name(), () -> consumed);
      return out;
    }
  }

  /** A table or one of its indexes, as the target of a Query or Scan. */
  private record Source(Table table, IndexDefinition index, boolean fetchFromTable, boolean query) {
    static Source of(Table table, Requests r, boolean query) {
      String indexName = r.string("IndexName");
      String select = r.string("Select");
      if (indexName == null) {
        if ("ALL_PROJECTED_ATTRIBUTES".equals(select)) {
          throw DynamoDbException.validation(
              "One or more parameter values were invalid: Select type ALL_PROJECTED_ATTRIBUTES is"
                  + " not supported on a table; it is supported only on an index");
        }
        return new Source(table, null, false, query);
      }
      IndexDefinition index =
          table
              .definition()
              .index(indexName)
              .orElseThrow(
                  () ->
                      DynamoDbException.validation(
                          "The table does not have the specified index: " + indexName));
      if (index.global() && r.bool("ConsistentRead")) {
        throw DynamoDbException.validation(
            "Consistent reads are not supported on global secondary indexes");
      }
      boolean fetch = "ALL_ATTRIBUTES".equals(select) && !index.projectsAll();
      if (fetch && index.global()) {
        throw DynamoDbException.validation(
            "One or more parameter values were invalid: Select type ALL_ATTRIBUTES is not"
                + " supported for global secondary index "
                + indexName
                + " because its projection type is not ALL");
      }
      return new Source(table, index, fetch, query);
    }

    KeySchema key() {
      return index == null ? table.key() : index.key();
    }

    NavigableMap<PrimaryKey, Map<String, AttributeValue>> entries() {
      return index == null ? table.items() : table.index(index.name());
    }

    Map<String, AttributeValue> fetch(Map<String, AttributeValue> stored) {
      if (!fetchFromTable) {
        return stored;
      }
      Map<String, AttributeValue> full = table.items().get(table.keyOf(stored));
      return full == null ? stored : full;
    }

    void checkFilterKeys(dev.orderly.dynamodb.internal.expression.Condition filter) {
      if (filter == null) {
        return;
      }
      KeySchema key = key();
      for (String name : filter.pathHeads()) {
        if (key.isKeyAttribute(name)) {
          throw DynamoDbException.validation(
              "Filter Expression can only contain non-primary key attributes: Primary key"
                  + " attribute: "
                  + name);
        }
      }
    }

    /** Where to resume: validates ExclusiveStartKey as DynamoDB does. */
    PrimaryKey startKey(Map<String, AttributeValue> start) {
      KeySchema tableKey = table.key();
      int expected = keyNames().size();
      if (start.size() != expected) {
        throw DynamoDbException.validation(
            index == null && !query
                ? "The provided starting key is invalid: The provided key element does not match"
                    + " the schema"
                : "The provided starting key is invalid");
      }
      Map<String, AttributeValue> tablePart = new LinkedHashMap<>();
      tablePart.put(tableKey.hashName(), start.get(tableKey.hashName()));
      if (tableKey.hasRange()) {
        tablePart.put(tableKey.rangeName(), start.get(tableKey.rangeName()));
      }
      try {
        tableKey.validateKey(tablePart);
      } catch (DynamoDbException e) {
        throw DynamoDbException.validation(
            "The provided starting key is invalid: " + e.getMessage());
      }
      PrimaryKey tablePosition = table.keyOf(tablePart);
      if (index == null) {
        return tablePosition;
      }
      KeySchema indexKey = index.key();
      if (!indexKey.covers(start)) {
        throw DynamoDbException.validation("The provided starting key is invalid");
      }
      return PrimaryKey.ofIndex(
          start.get(indexKey.hashName()),
          indexKey.hasRange() ? start.get(indexKey.rangeName()) : null,
          tablePosition);
    }

    java.util.Set<String> keyNames() {
      java.util.Set<String> names = new java.util.LinkedHashSet<>();
      KeySchema tableKey = table.key();
      names.add(tableKey.hashName());
      if (tableKey.hasRange()) {
        names.add(tableKey.rangeName());
      }
      if (index != null) {
        names.add(index.key().hashName());
        if (index.key().hasRange()) {
          names.add(index.key().rangeName());
        }
      }
      return names;
    }

    Map<String, AttributeValue> lastKey(Map<String, AttributeValue> item) {
      Map<String, AttributeValue> key = new LinkedHashMap<>();
      for (String name : keyNames()) {
        key.put(name, item.get(name));
      }
      return key;
    }
  }
}
