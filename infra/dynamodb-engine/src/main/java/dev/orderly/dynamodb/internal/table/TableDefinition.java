package dev.orderly.dynamodb.internal.table;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Everything CreateTable fixed about a table. Immutable; describe output is built from it. */
public record TableDefinition(
    String name,
    String arn,
    String tableId,
    Instant created,
    Map<String, String> attributeTypes,
    KeySchema key,
    List<IndexDefinition> globalIndexes,
    List<IndexDefinition> localIndexes,
    boolean payPerRequest,
    long readCapacity,
    long writeCapacity,
    StreamSpec stream) {

  public TableDefinition {
    attributeTypes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attributeTypes));
    globalIndexes = List.copyOf(globalIndexes);
    localIndexes = List.copyOf(localIndexes);
  }

  /** A stream of item changes, once enabled; the label is fixed at creation as in DynamoDB. */
  public record StreamSpec(boolean enabled, String viewType, String label, String arn) {}

  public Optional<IndexDefinition> index(String indexName) {
    for (IndexDefinition index : globalIndexes) {
      if (index.name().equals(indexName)) {
        return Optional.of(index);
      }
    }
    for (IndexDefinition index : localIndexes) {
      if (index.name().equals(indexName)) {
        return Optional.of(index);
      }
    }
    return Optional.empty();
  }

  public List<IndexDefinition> allIndexes() {
    java.util.ArrayList<IndexDefinition> all = new java.util.ArrayList<>(globalIndexes);
    all.addAll(localIndexes);
    return all;
  }

  public TableDefinition withStream(StreamSpec spec) {
    return new TableDefinition(
        name,
        arn,
        tableId,
        created,
        attributeTypes,
        key,
        globalIndexes,
        localIndexes,
        payPerRequest,
        readCapacity,
        writeCapacity,
        spec);
  }
}
