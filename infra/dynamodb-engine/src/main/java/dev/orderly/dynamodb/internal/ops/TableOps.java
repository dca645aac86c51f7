package dev.orderly.dynamodb.internal.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderly.dynamodb.internal.error.DynamoDbException;
import dev.orderly.dynamodb.internal.stream.StreamLog;
import dev.orderly.dynamodb.internal.table.IndexDefinition;
import dev.orderly.dynamodb.internal.table.KeySchema;
import dev.orderly.dynamodb.internal.table.Table;
import dev.orderly.dynamodb.internal.table.TableDefinition;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

/** Table lifecycle: CreateTable, DescribeTable, ListTables, DeleteTable, UpdateTable, TTL. */
public final class TableOps {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final DateTimeFormatter LABEL =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

  private final Engine engine;

  public TableOps(Engine engine) {
    this.engine = engine;
  }

  public ObjectNode createTable(ObjectNode body) {
    Requests r = new Requests(body);
    r.required("AttributeDefinitions", "KeySchema", "TableName").tableName("TableName");
    r.oneOf("BillingMode", "PROVISIONED", "PAY_PER_REQUEST");
    indexNameLengths(r, "LocalSecondaryIndexes");
    indexNameLengths(r, "GlobalSecondaryIndexes");
    r.check();
    TableDefinition definition = TableDefinitions.parse(r, engine);
    return engine.write(
        () -> {
          if (engine.tables().containsKey(definition.name())) {
            throw DynamoDbException.resourceInUse("Table already exists: " + definition.name());
          }
          StreamLog log = newStreamLog(definition.stream(), definition.created());
          Table table = new Table(definition, log);
          engine.tables().put(definition.name(), table);
          ObjectNode out = NODES.objectNode();
          out.set("TableDescription", describe(table, "CREATING"));
          return out;
        });
  }

  public ObjectNode describeTable(ObjectNode body) {
    Requests r = new Requests(body);
    r.required("TableName").tableName("TableName").check();
    Table table = engine.describedTable(r.string("TableName"));
    ObjectNode out = NODES.objectNode();
    out.set("Table", describe(table, "ACTIVE"));
    return out;
  }

  public ObjectNode deleteTable(ObjectNode body) {
    Requests r = new Requests(body);
    r.required("TableName").tableName("TableName").check();
    String name = r.string("TableName");
    return engine.write(
        () -> {
          Table table = engine.describedTable(name);
          engine.tables().remove(name);
          ObjectNode out = NODES.objectNode();
          out.set("TableDescription", describe(table, "DELETING"));
          return out;
        });
  }

  public ObjectNode listTables(ObjectNode body) {
    Requests r = new Requests(body);
    r.atLeast("Limit", 1).atMost("Limit", 100).check();
    String start = r.string("ExclusiveStartTableName");
    Integer limit = r.integer("Limit");
    int max = limit == null ? 100 : limit;
    TreeSet<String> names = new TreeSet<>(engine.tables().keySet());
    List<String> page = new ArrayList<>();
    for (String name : start == null ? names : names.tailSet(start, false)) {
      page.add(name);
      if (page.size() == max) {
        break;
      }
    }
    ObjectNode out = NODES.objectNode();
    ArrayNode array = out.putArray("TableNames");
    page.forEach(array::add);
    if (page.size() == max && !page.isEmpty() && names.last().compareTo(page.get(max - 1)) > 0) {
      out.put("LastEvaluatedTableName", page.get(max - 1));
    }
    return out;
  }

  /** UpdateTable: billing and throughput are accepted; a stream can be enabled or disabled. */
  public ObjectNode updateTable(ObjectNode body) {
    Requests r = new Requests(body);
    r.required("TableName").tableName("TableName").check();
    String name = r.string("TableName");
    JsonNode streamSpec = r.node("StreamSpecification");
    return engine.write(
        () -> {
          Table table = engine.describedTable(name);
          if (streamSpec != null) {
            TableDefinition.StreamSpec spec =
                TableDefinitions.streamSpec(
                    streamSpec, table.name(), engine, engine.clock().instant());
            TableDefinition.StreamSpec current = table.definition().stream();
            if (spec.enabled() && current != null && current.enabled()) {
              throw DynamoDbException.validation(
                  "Table already has an enabled stream: " + current.arn());
            }
            if (!spec.enabled() && (current == null || !current.enabled())) {
              throw DynamoDbException.validation("Table does not have a stream to disable");
            }
            TableDefinition updated =
                table.definition().withStream(spec.enabled() ? spec : disabled(current));
            table.stream(
                spec.enabled() ? newStreamLog(spec, engine.clock().instant()) : null, updated);
          }
          ObjectNode out = NODES.objectNode();
          out.set("TableDescription", describe(table, "ACTIVE"));
          return out;
        });
  }

  private static void indexNameLengths(Requests r, String member) {
    JsonNode indexes = r.node(member);
    if (indexes == null) {
      return;
    }
    int position = 0;
    for (JsonNode index : indexes) {
      position++;
      String name = index.path("IndexName").asText("");
      String path = member + "." + position + ".member.indexName";
      if (name.length() < 3) {
        r.fail(path, name, "Member must have length greater than or equal to 3");
      } else if (name.length() > 255) {
        r.fail(path, name, "Member must have length less than or equal to 255");
      }
    }
  }

  private static TableDefinition.StreamSpec disabled(TableDefinition.StreamSpec current) {
    return new TableDefinition.StreamSpec(
        false, current.viewType(), current.label(), current.arn());
  }

  public ObjectNode updateTimeToLive(ObjectNode body) {
    Requests r = new Requests(body);
    r.required("TableName", "TimeToLiveSpecification").tableName("TableName").check();
    JsonNode spec = r.node("TimeToLiveSpecification");
    JsonNode attribute = spec.get("AttributeName");
    JsonNode enabled = spec.get("Enabled");
    if (attribute == null || attribute.asText().isEmpty() || enabled == null) {
      throw DynamoDbException.validation(
          "1 validation error detected: Value null at 'timeToLiveSpecification."
              + (enabled == null ? "enabled" : "attributeName")
              + "' failed to satisfy constraint: Member must not be null");
    }
    String name = r.string("TableName");
    return engine.write(
        () -> {
          Table table = engine.describedTable(name);
          boolean enable = enabled.asBoolean();
          if (enable && table.ttlAttribute() != null) {
            throw DynamoDbException.validation("TimeToLive is already enabled");
          }
          if (!enable && table.ttlAttribute() == null) {
            throw DynamoDbException.validation("TimeToLive is already disabled");
          }
          table.ttlAttribute(enable ? attribute.asText() : null);
          ObjectNode out = NODES.objectNode();
          ObjectNode echo = out.putObject("TimeToLiveSpecification");
          echo.put("AttributeName", attribute.asText());
          echo.put("Enabled", enable);
          return out;
        });
  }

  public ObjectNode describeTimeToLive(ObjectNode body) {
    Requests r = new Requests(body);
    r.required("TableName").tableName("TableName").check();
    Table table = engine.describedTable(r.string("TableName"));
    ObjectNode out = NODES.objectNode();
    ObjectNode description = out.putObject("TimeToLiveDescription");
    String attribute = table.ttlAttribute();
    description.put("TimeToLiveStatus", attribute == null ? "DISABLED" : "ENABLED");
    if (attribute != null) {
      description.put("AttributeName", attribute);
    }
    return out;
  }

  private StreamLog newStreamLog(TableDefinition.StreamSpec spec, Instant created) {
    if (spec == null || !spec.enabled()) {
      return null;
    }
    return new StreamLog(spec.arn(), spec.viewType(), created, created.toEpochMilli() * 1000);
  }

  static String streamLabel(Instant created) {
    return LABEL.format(created);
  }

  static String newTableId() {
    return UUID.randomUUID().toString();
  }

  ObjectNode describe(Table table, String status) {
    TableDefinition d = table.definition();
    ObjectNode out = NODES.objectNode();
    ArrayNode attributes = out.putArray("AttributeDefinitions");
    for (Map.Entry<String, String> e : d.attributeTypes().entrySet()) {
      attributes.addObject().put("AttributeName", e.getKey()).put("AttributeType", e.getValue());
    }
    out.put("TableName", d.name());
    out.set("KeySchema", keySchema(d.key()));
    out.put("TableStatus", status);
    out.put("CreationDateTime", d.created().toEpochMilli() / 1000.0);
    out.set("ProvisionedThroughput", throughput(d.readCapacity(), d.writeCapacity()));
    out.put("TableSizeBytes", table.sizeBytes());
    out.put("ItemCount", table.itemCount());
    out.put("TableArn", d.arn());
    out.put("TableId", d.tableId());
    if (d.payPerRequest()) {
      ObjectNode billing = out.putObject("BillingModeSummary");
      billing.put("BillingMode", "PAY_PER_REQUEST");
      billing.put("LastUpdateToPayPerRequestDateTime", d.created().toEpochMilli() / 1000.0);
    }
    if (!d.localIndexes().isEmpty()) {
      ArrayNode locals = out.putArray("LocalSecondaryIndexes");
      for (IndexDefinition index : d.localIndexes()) {
        locals.add(describeIndex(table, index, null));
      }
    }
    if (!d.globalIndexes().isEmpty()) {
      ArrayNode globals = out.putArray("GlobalSecondaryIndexes");
      for (IndexDefinition index : d.globalIndexes()) {
        globals.add(describeIndex(table, index, status.equals("CREATING") ? "CREATING" : "ACTIVE"));
      }
    }
    TableDefinition.StreamSpec stream = d.stream();
    if (stream != null) {
      ObjectNode spec = out.putObject("StreamSpecification");
      spec.put("StreamEnabled", stream.enabled());
      if (stream.enabled()) {
        spec.put("StreamViewType", stream.viewType());
      }
      out.put("LatestStreamLabel", stream.label());
      out.put("LatestStreamArn", stream.arn());
    }
    return out;
  }

  private ObjectNode describeIndex(Table table, IndexDefinition index, String status) {
    ObjectNode out = NODES.objectNode();
    out.put("IndexName", index.name());
    out.set("KeySchema", keySchema(index.key()));
    ObjectNode projection = out.putObject("Projection");
    projection.put("ProjectionType", index.projectionType());
    if (index.nonKeyAttributes() != null) {
      ArrayNode nonKey = projection.putArray("NonKeyAttributes");
      index.nonKeyAttributes().forEach(nonKey::add);
    }
    if (status != null) {
      out.put("IndexStatus", status);
      out.set("ProvisionedThroughput", throughput(index.readCapacity(), index.writeCapacity()));
    }
    out.put("IndexSizeBytes", 0);
    out.put("ItemCount", table.index(index.name()).size());
    out.put("IndexArn", table.definition().arn() + "/index/" + index.name());
    return out;
  }

  private static ArrayNode keySchema(KeySchema key) {
    ArrayNode array = NODES.arrayNode();
    array.addObject().put("AttributeName", key.hashName()).put("KeyType", "HASH");
    if (key.hasRange()) {
      array.addObject().put("AttributeName", key.rangeName()).put("KeyType", "RANGE");
    }
    return array;
  }

  private static ObjectNode throughput(long read, long write) {
    ObjectNode out = NODES.objectNode();
    out.put("NumberOfDecreasesToday", 0);
    out.put("ReadCapacityUnits", read);
    out.put("WriteCapacityUnits", write);
    return out;
  }
}
