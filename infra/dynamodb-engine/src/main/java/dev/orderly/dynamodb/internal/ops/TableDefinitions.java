package dev.orderly.dynamodb.internal.ops;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderly.dynamodb.internal.error.DynamoDbException;
import dev.orderly.dynamodb.internal.table.IndexDefinition;
import dev.orderly.dynamodb.internal.table.KeySchema;
import dev.orderly.dynamodb.internal.table.TableDefinition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Parses and validates a CreateTable request into a {@link TableDefinition}. */
final class TableDefinitions {
  private static final String INVALID = "One or more parameter values were invalid: ";

  private TableDefinitions() {}

  static TableDefinition parse(Requests r, Engine engine) {
    String name = r.string("TableName");
    Map<String, String> types = new LinkedHashMap<>();
    for (JsonNode def : r.node("AttributeDefinitions")) {
      String type = text(def, "AttributeType");
      if (!List.of("S", "N", "B").contains(type)) {
        throw DynamoDbException.validation(
            "1 validation error detected: Value '"
                + type
                + "' at 'attributeDefinitions.member.attributeType' failed to satisfy constraint:"
                + " Member must satisfy enum value set: [B, N, S]");
      }
      types.put(text(def, "AttributeName"), type);
    }
    boolean payPerRequest = "PAY_PER_REQUEST".equals(r.string("BillingMode"));
    JsonNode throughput = r.node("ProvisionedThroughput");
    long read = 0;
    long write = 0;
    if (payPerRequest) {
      if (throughput != null) {
        throw DynamoDbException.validation(
            INVALID
                + "Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when"
                + " BillingMode is PAY_PER_REQUEST");
      }
    } else {
      if (throughput == null
          || throughput.path("ReadCapacityUnits").asLong() == 0
          || throughput.path("WriteCapacityUnits").asLong() == 0) {
        throw DynamoDbException.validation(
            INVALID
                + "ReadCapacityUnits and WriteCapacityUnits must both be specified when"
                + " BillingMode is PROVISIONED");
      }
      read = throughput.path("ReadCapacityUnits").asLong();
      write = throughput.path("WriteCapacityUnits").asLong();
    }
    List<String> definedNames = new ArrayList<>(types.keySet());
    KeySchema key = keySchema(r.node("KeySchema"), types, definedNames);
    JsonNode localNodes = r.node("LocalSecondaryIndexes");
    JsonNode globalNodes = r.node("GlobalSecondaryIndexes");
    if (localNodes == null && globalNodes == null && (key.hasRange() ? 2 : 1) != types.size()) {
      throw DynamoDbException.validation(
          INVALID
              + "Number of attributes in KeySchema does not exactly match number of attributes"
              + " defined in AttributeDefinitions");
    }
    Set<String> indexNames = new HashSet<>();
    List<IndexDefinition> locals = new ArrayList<>();
    if (localNodes != null) {
      if (localNodes.isEmpty()) {
        throw DynamoDbException.validation(INVALID + "List of LocalSecondaryIndexes is empty");
      }
      if (!key.hasRange()) {
        throw DynamoDbException.validation(
            INVALID
                + "Table KeySchema does not have a range key, which is required when specifying a"
                + " LocalSecondaryIndex");
      }
      for (JsonNode node : localNodes) {
        IndexDefinition index = index(node, false, types, definedNames, indexNames, payPerRequest);
        if (!index.key().hasRange()) {
          throw DynamoDbException.validation(
              INVALID + "Index KeySchema does not have a range key for index: " + index.name());
        }
        if (!index.key().hashName().equals(key.hashName())) {
          throw DynamoDbException.validation(
              INVALID
                  + "Index KeySchema does not have the same leading hash key as table KeySchema"
                  + " for index: "
                  + index.name()
                  + ". index hash key: "
                  + index.key().hashName()
                  + ", table hash key: "
                  + key.hashName());
        }
        locals.add(index);
      }
      if (locals.size() > 5) {
        throw DynamoDbException.validation(
            INVALID + "Number of LocalSecondaryIndexes exceeds per-table limit of 5");
      }
    }
    List<IndexDefinition> globals = new ArrayList<>();
    if (globalNodes != null) {
      if (globalNodes.isEmpty()) {
        throw DynamoDbException.validation(INVALID + "List of GlobalSecondaryIndexes is empty");
      }
      for (JsonNode node : globalNodes) {
        globals.add(index(node, true, types, definedNames, indexNames, payPerRequest));
      }
      if (globals.size() > 20) {
        throw DynamoDbException.validation(
            INVALID + "GlobalSecondaryIndex count exceeds the per-table limit of 20");
      }
    }
    Instant now = engine.clock().instant();
    JsonNode streamNode = r.node("StreamSpecification");
    TableDefinition.StreamSpec stream =
        streamNode == null ? null : streamSpec(streamNode, name, engine, now);
    if (stream != null && !stream.enabled()) {
      stream = null;
    }
    return new TableDefinition(
        name,
        engine.tableArn(name),
        TableOps.newTableId(),
        now,
        types,
        key,
        globals,
        locals,
        payPerRequest,
        read,
        write,
        stream);
  }

  static TableDefinition.StreamSpec streamSpec(
      JsonNode node, String table, Engine engine, Instant now) {
    boolean enabled = node.path("StreamEnabled").asBoolean(false);
    String viewType = node.path("StreamViewType").asText(null);
    if (enabled
        && !List.of("KEYS_ONLY", "NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES")
            .contains(viewType)) {
      throw DynamoDbException.validation(
          INVALID
              + "StreamViewType must be one of KEYS_ONLY, NEW_IMAGE, OLD_IMAGE or"
              + " NEW_AND_OLD_IMAGES when StreamEnabled is true");
    }
    String label = TableOps.streamLabel(now);
    return new TableDefinition.StreamSpec(
        enabled, viewType, label, engine.tableArn(table) + "/stream/" + label);
  }

  private static IndexDefinition index(
      JsonNode node,
      boolean global,
      Map<String, String> types,
      List<String> definedNames,
      Set<String> indexNames,
      boolean payPerRequest) {
    String name = text(node, "IndexName");
    KeySchema key = keySchema(node.get("KeySchema"), types, definedNames);
    JsonNode projection = node.path("Projection");
    String projectionType = projection.path("ProjectionType").asText(null);
    if (projectionType == null) {
      throw DynamoDbException.validation(INVALID + "Unknown ProjectionType: null");
    }
    List<String> nonKey = null;
    if (projection.hasNonNull("NonKeyAttributes")) {
      if (!projectionType.equals("INCLUDE")) {
        throw DynamoDbException.validation(
            INVALID
                + "ProjectionType is "
                + projectionType
                + ", but NonKeyAttributes is specified");
      }
      nonKey = new ArrayList<>();
      for (JsonNode attribute : projection.get("NonKeyAttributes")) {
        nonKey.add(attribute.asText());
      }
    }
    JsonNode throughput = node.get("ProvisionedThroughput");
    if (global && payPerRequest && throughput != null && !throughput.isNull()) {
      throw DynamoDbException.validation(
          INVALID
              + "ProvisionedThroughput should not be specified for index: "
              + name
              + " when BillingMode is PAY_PER_REQUEST");
    }
    if (!indexNames.add(name)) {
      throw DynamoDbException.validation(INVALID + "Duplicate index name: " + name);
    }
    long read = throughput == null ? 0 : throughput.path("ReadCapacityUnits").asLong();
    long write = throughput == null ? 0 : throughput.path("WriteCapacityUnits").asLong();
    return new IndexDefinition(name, global, key, projectionType, nonKey, read, write);
  }

  private static KeySchema keySchema(
      JsonNode node, Map<String, String> types, List<String> definedNames) {
    if (node == null || !node.isArray() || node.isEmpty() || node.size() > 2) {
      throw DynamoDbException.validation(
          "1 validation error detected: Value '"
              + (node == null ? "null" : node.toString())
              + "' at 'keySchema' failed to satisfy constraint: Member must have length less than"
              + " or equal to 2");
    }
    List<String> names = new ArrayList<>();
    for (JsonNode element : node) {
      names.add(text(element, "AttributeName"));
    }
    if (names.size() > definedNames.size()) {
      throw DynamoDbException.validation(
          "Invalid KeySchema: Some index key attribute have no definition");
    }
    if (!definedNames.containsAll(names)) {
      throw DynamoDbException.validation(
          INVALID
              + "Some index key attributes are not defined in AttributeDefinitions. Keys: ["
              + String.join(", ", names)
              + "], AttributeDefinitions: ["
              + String.join(", ", definedNames)
              + "]");
    }
    if (names.size() == 2 && names.get(0).equals(names.get(1))) {
      throw DynamoDbException.validation(
          "Both the Hash Key and the Range Key element in the KeySchema have the same name");
    }
    if (!"HASH".equals(node.get(0).path("KeyType").asText())) {
      throw DynamoDbException.validation(
          "Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
    }
    if (names.size() == 2 && !"RANGE".equals(node.get(1).path("KeyType").asText())) {
      throw DynamoDbException.validation(
          "Invalid KeySchema: The second KeySchemaElement is not a RANGE key type");
    }
    String hash = names.get(0);
    String range = names.size() == 2 ? names.get(1) : null;
    return new KeySchema(hash, types.get(hash), range, range == null ? null : types.get(range));
  }

  private static String text(JsonNode node, String member) {
    JsonNode value = node == null ? null : node.get(member);
    if (value == null || value.isNull()) {
      throw DynamoDbException.validation(
          "1 validation error detected: Value null at '"
              + Requests.lowerFirst(member)
              + "' failed to satisfy constraint: Member must not be null");
    }
    return value.asText();
  }
}
