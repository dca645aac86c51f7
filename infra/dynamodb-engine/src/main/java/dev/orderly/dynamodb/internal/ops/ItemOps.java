package dev.orderly.dynamodb.internal.ops;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderly.dynamodb.internal.table.Table;
import dev.orderly.dynamodb.internal.value.AttributeValue;
import dev.orderly.dynamodb.internal.value.ValueJson;
import java.util.Map;

/** PutItem, GetItem, UpdateItem and DeleteItem. */
public final class ItemOps {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final Engine engine;
  private final ItemWrites writes;

  public ItemOps(Engine engine) {
    this.engine = engine;
    this.writes = new ItemWrites(engine);
  }

  public ObjectNode putItem(ObjectNode body) {
    Requests r = new Requests(body);
    return commit(r, writes.put(r, true));
  }

  public ObjectNode deleteItem(ObjectNode body) {
    Requests r = new Requests(body);
    return commit(r, writes.delete(r, true));
  }

  public ObjectNode updateItem(ObjectNode body) {
    Requests r = new Requests(body);
    PreparedWrite write = writes.update(r);
    String returnValues = r.string("ReturnValues");
    return engine.write(
        () -> {
          Map<String, AttributeValue> existing = write.table().items().get(write.key());
          Map<String, AttributeValue> updated = write.apply(existing);
          write.table().write(write.key(), existing, updated, engine.clock().instant(), false);
          ObjectNode out = NODES.objectNode();
          Map<String, AttributeValue> attributes = null;
          if ("ALL_OLD".equals(returnValues)) {
            attributes = existing;
          } else if ("ALL_NEW".equals(returnValues)) {
            attributes = updated;
          } else if ("UPDATED_OLD".equals(returnValues) && existing != null) {
            attributes = updatedPaths(write, existing);
          } else if ("UPDATED_NEW".equals(returnValues)) {
            attributes = updatedPaths(write, updated);
          }
          if (attributes != null) {
            out.set("Attributes", ValueJson.writeItem(attributes));
          }
          Capacity.report(
              r, out, write.table().name(), () -> Capacity.writeUnits(existing, updated));
          return out;
        });
  }

  private static Map<String, AttributeValue> updatedPaths(
      PreparedWrite write, Map<String, AttributeValue> item) {
    if (write.update() == null) {
      return Map.of();
    }
    return write.update().updatedAttributes(item);
  }

  private ObjectNode commit(Requests r, PreparedWrite write) {
    boolean returnOld = "ALL_OLD".equals(r.string("ReturnValues"));
    return engine.write(
        () -> {
          Table table = write.table();
          Map<String, AttributeValue> existing = table.items().get(write.key());
          Map<String, AttributeValue> next = write.apply(existing);
          table.write(write.key(), existing, next, engine.clock().instant(), false);
          ObjectNode out = NODES.objectNode();
          if (returnOld && existing != null) {
            out.set("Attributes", ValueJson.writeItem(existing));
          }
          Capacity.report(r, out, table.name(), () -> Capacity.writeUnits(existing, next));
          return out;
        });
  }

  public ObjectNode getItem(ObjectNode body) {
    Requests r = new Requests(body);
    r.required("TableName", "Key").tableName("TableName");
    r.oneOf("ReturnConsumedCapacity", ReturnValues.CAPACITY).check();
    r.rejectLegacy("AttributesToGet");
    Map<String, AttributeValue> key = r.item("Key");
    RequestExpressions expressions = RequestExpressions.parse(r, "ProjectionExpression");
    Table table = engine.table(r.string("TableName"));
    table.key().validateKey(key);
    Map<String, AttributeValue> item = table.items().get(table.keyOf(key));
    ObjectNode out = NODES.objectNode();
    if (item != null) {
      Map<String, AttributeValue> shown =
          expressions.projection == null ? item : expressions.projection.apply(item);
      out.set("Item", ValueJson.writeItem(shown));
    }
    Capacity.report(r, out, table.name(), () -> Capacity.readUnits(item, r.bool("ConsistentRead")));
    return out;
  }
}
