package dev.orderly.dynamodb.internal.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderly.dynamodb.internal.error.DynamoDbException;
import dev.orderly.dynamodb.internal.table.PrimaryKey;
import dev.orderly.dynamodb.internal.table.Table;
import dev.orderly.dynamodb.internal.value.AttributeValue;
import dev.orderly.dynamodb.internal.value.ValueJson;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * BatchGetItem (up to 100 keys) and BatchWriteItem (up to 25 puts and deletes). The engine never
 * throttles, so UnprocessedKeys and UnprocessedItems are always present and empty, in the shape the
 * SDK's retry loops expect.
 */
public final class BatchOps {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final Engine engine;
  private final ItemWrites writes;

  public BatchOps(Engine engine) {
    this.engine = engine;
    this.writes = new ItemWrites(engine);
  }

  public ObjectNode batchWriteItem(ObjectNode body) {
    Requests r = new Requests(body);
    r.required("RequestItems").oneOf("ReturnConsumedCapacity", ReturnValues.CAPACITY).check();
    JsonNode requestItems = r.node("RequestItems");
    checkNotEmpty(requestItems, "requestItems");
    int total = 0;
    List<PreparedWrite> prepared = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> tables = requestItems.fields();
    while (tables.hasNext()) {
      Map.Entry<String, JsonNode> entry = tables.next();
      String tableName = entry.getKey();
      Set<PrimaryKey> seen = new HashSet<>();
      for (JsonNode request : entry.getValue()) {
        total++;
        if (total > 25) {
          throw DynamoDbException.validation(
              "Too many items requested for the BatchWriteItem call");
        }
        JsonNode put = request.get("PutRequest");
        JsonNode delete = request.get("DeleteRequest");
        if ((put == null) == (delete == null)) {
          throw DynamoDbException.validation(
              "Supplied AttributeValue has more than one datatypes set, must contain exactly one"
                  + " of the supported datatypes");
        }
        ObjectNode single = NODES.objectNode();
        single.put("TableName", tableName);
        PreparedWrite write;
        try {
          if (put != null) {
            single.set("Item", put.get("Item"));
            write = writes.put(new Requests(single), true);
          } else {
            single.set("Key", delete.get("Key"));
            write = writes.delete(new Requests(single), true);
          }
        } catch (DynamoDbException e) {
          String message = e.getMessage();
          if (message.contains("Missing the key") || message.contains("Type mismatch for key")) {
            throw DynamoDbException.validation(
                "The provided key element does not match the schema");
          }
          throw e;
        }
        if (!seen.add(write.key())) {
          throw DynamoDbException.validation("Provided list of item keys contains duplicates");
        }
        prepared.add(write);
      }
    }
    Map<String, Double> units = new LinkedHashMap<>();
    engine.write(
        () -> {
          for (PreparedWrite write : prepared) {
            Table table = write.table();
            Map<String, AttributeValue> existing = table.items().get(write.key());
            Map<String, AttributeValue> next = write.apply(existing);
            table.write(write.key(), existing, next, engine.clock().instant(), false);
            units.merge(table.name(), Capacity.writeUnits(existing, next), Double::sum);
          }
          return null;
        });
    ObjectNode out = NODES.objectNode();
    out.putObject("UnprocessedItems");
    Capacity.reportTables(r, out, units);
    return out;
  }

  public ObjectNode batchGetItem(ObjectNode body) {
    Requests r = new Requests(body);
    r.required("RequestItems").oneOf("ReturnConsumedCapacity", ReturnValues.CAPACITY).check();
    JsonNode requestItems = r.node("RequestItems");
    checkNotEmpty(requestItems, "requestItems");
    int total = 0;
    ObjectNode out = NODES.objectNode();
    ObjectNode responses = out.putObject("Responses");
    Map<String, Double> units = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> tables = requestItems.fields();
    List<Runnable> reads = new ArrayList<>();
    while (tables.hasNext()) {
      Map.Entry<String, JsonNode> entry = tables.next();
      String tableName = entry.getKey();
      if (!(entry.getValue() instanceof ObjectNode tableRequest)) {
        throw DynamoDbException.validation("The provided key element does not match the schema");
      }
      Requests tr = new Requests(tableRequest);
      tr.required("Keys");
      if (tr.node("Keys").size() > 100) {
        List<String> shown = new ArrayList<>();
        tr.node("Keys").forEach(k -> shown.add(k.toString()));
        r.fail(
            "requestItems." + tableName + ".member.keys",
            "[" + String.join(", ", shown) + "]",
            "Member must have length less than or equal to 100");
        r.check();
      }
      tr.rejectLegacy("AttributesToGet");
      RequestExpressions expressions = RequestExpressions.parse(tr, "ProjectionExpression");
      Set<List<AttributeValue>> seen = new HashSet<>();
      List<Map<String, AttributeValue>> keys = new ArrayList<>();
      for (JsonNode keyNode : tr.node("Keys")) {
        Map<String, AttributeValue> key = ValueJson.readItem(keyNode);
        if (!seen.add(new ArrayList<>(new java.util.TreeMap<>(key).values()))) {
          throw DynamoDbException.validation("Provided list of item keys contains duplicates");
        }
        total++;
        if (total > 100) {
          throw DynamoDbException.validation("Too many items requested for the BatchGetItem call");
        }
        keys.add(key);
      }
      boolean consistent = tr.bool("ConsistentRead");
      reads.add(
          () -> {
            Table table = engine.table(tableName);
            ArrayNode items = responses.putArray(tableName);
            for (Map<String, AttributeValue> key : keys) {
              table.key().validateKey(key);
            }
            for (Map<String, AttributeValue> key : keys) {
              Map<String, AttributeValue> item = table.items().get(table.keyOf(key));
              units.merge(tableName, Capacity.readUnits(item, consistent), Double::sum);
              if (item != null) {
                items.add(
                    ValueJson.writeItem(
                        expressions.projection == null
                            ? item
                            : expressions.projection.apply(item)));
              }
            }
          });
    }
    reads.forEach(Runnable::run);
    out.putObject("UnprocessedKeys");
    Capacity.reportTables(r, out, units);
    return out;
  }

  private static void checkNotEmpty(JsonNode requestItems, String member) {
    if (!requestItems.isObject() || requestItems.isEmpty()) {
      throw DynamoDbException.validation(
          "1 validation error detected: Value '{}' at '"
              + member
              + "' failed to satisfy constraint: Member must have length greater than or equal to"
              + " 1");
    }
  }
}
