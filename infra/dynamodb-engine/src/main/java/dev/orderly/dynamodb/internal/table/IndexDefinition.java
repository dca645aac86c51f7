package dev.orderly.dynamodb.internal.table;

import dev.orderly.dynamodb.internal.value.AttributeValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A global or local secondary index: its key, and which attributes it projects. */
public record IndexDefinition(
    String name,
    boolean global,
    KeySchema key,
    String projectionType,
    List<String> nonKeyAttributes,
    long readCapacity,
    long writeCapacity) {

  public IndexDefinition {
    nonKeyAttributes = nonKeyAttributes == null ? null : List.copyOf(nonKeyAttributes);
  }

  public boolean projectsAll() {
    return "ALL".equals(projectionType);
  }

  /** The attributes of an item as stored in this index. */
  public Map<String, AttributeValue> project(Map<String, AttributeValue> item, KeySchema table) {
    if (projectsAll()) {
      return item;
    }
    Map<String, AttributeValue> projected = new LinkedHashMap<>();
    copy(item, projected, key.hashName());
    if (key.hasRange()) {
      copy(item, projected, key.rangeName());
    }
    copy(item, projected, table.hashName());
    if (table.hasRange()) {
      copy(item, projected, table.rangeName());
    }
    if (nonKeyAttributes != null) {
      for (String name : nonKeyAttributes) {
        copy(item, projected, name);
      }
    }
    return projected;
  }

  private static void copy(
      Map<String, AttributeValue> from, Map<String, AttributeValue> to, String name) {
    AttributeValue value = from.get(name);
    if (value != null) {
      to.put(name, value);
    }
  }
}
