package dev.orderly.dynamodb.internal.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderly.dynamodb.internal.error.ConditionalCheckFailedException;
import dev.orderly.dynamodb.internal.error.DynamoDbException;
import dev.orderly.dynamodb.internal.error.TransactionCanceledException;
import dev.orderly.dynamodb.internal.error.TransactionCanceledException.Reason;
import dev.orderly.dynamodb.internal.table.PrimaryKey;
import dev.orderly.dynamodb.internal.table.Table;
import dev.orderly.dynamodb.internal.value.AttributeValue;
import dev.orderly.dynamodb.internal.value.ValueJson;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * TransactWriteItems and TransactGetItems. A transaction validates every item first (a bad item is
 * a ValidationException, not a cancellation), then evaluates and applies all of them under the
 * engine's write lock: all or nothing, with one cancellation reason per item. ClientRequestToken
 * makes a write transaction idempotent for ten minutes.
 */
public final class TransactOps {
  static final Duration TOKEN_LIFETIME = Duration.ofMinutes(10);
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private record Completed(JsonNode request, ObjectNode response, Instant expires) {}

  private final Engine engine;
  private final ItemWrites writes;

  /** Guarded by the engine's write lock; in insertion order, so expiry only looks at the head. */
  private final LinkedHashMap<String, Completed> tokens = new LinkedHashMap<>();

  public TransactOps(Engine engine) {
    this.engine = engine;
    this.writes = new ItemWrites(engine);
  }

  public ObjectNode transactWriteItems(ObjectNode body) {
    Requests r = new Requests(body);
    r.required("TransactItems").oneOf("ReturnConsumedCapacity", ReturnValues.CAPACITY).check();
    JsonNode items = r.node("TransactItems");
    checkCount(items, "transactItems");
    String token = r.string("ClientRequestToken");
    List<PreparedWrite> prepared = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (JsonNode item : items) {
      PreparedWrite write = prepare(item);
      if (!seen.add(write.table().name() + "\u0000" + keyId(write.key()))) {
        throw DynamoDbException.validation(
            "Transaction request cannot include multiple operations on one item");
      }
      prepared.add(write);
    }
    return engine.write(
        () -> {
          Instant now = engine.clock().instant();
          if (token != null) {
            expireTokens(now);
            Completed previous = tokens.get(token);
            if (previous != null && !previous.expires().isBefore(now)) {
              if (!previous.request().equals(items)) {
                throw new DynamoDbException(
                    DynamoDbException.IDEMPOTENT_PARAMETER_MISMATCH,
                    "The request uses the same client token as a previous, but non-identical"
                        + " request.",
                    400);
              }
              return previous.response().deepCopy();
            }
          }
          List<Map<String, AttributeValue>> results = evaluate(prepared);
          Map<String, Double> units = new LinkedHashMap<>();
          for (int i = 0; i < prepared.size(); i++) {
            PreparedWrite write = prepared.get(i);
            Map<String, AttributeValue> existing = write.table().items().get(write.key());
            if (write.mutates()) {
              write.table().write(write.key(), existing, results.get(i), now, false);
            }
            units.merge(
                write.table().name(),
                2 * Capacity.writeUnits(existing, results.get(i)),
                Double::sum);
          }
          ObjectNode out = NODES.objectNode();
          Capacity.reportTables(r, out, units);
          if (token != null) {
            tokens.remove(token); // an expired entry of this token: re-insert at the newest end
            tokens.put(
                token, new Completed(items.deepCopy(), out.deepCopy(), now.plus(TOKEN_LIFETIME)));
          }
          return out;
        });
  }

  /** Drops expired tokens from the oldest on: O(1) amortised per transaction. */
  private void expireTokens(Instant now) {
    var oldest = tokens.values().iterator();
    while (oldest.hasNext() && oldest.next().expires().isBefore(now)) {
      oldest.remove();
    }
  }

  /** Evaluates every write against the current items; all must pass or none applies. */
  private static List<Map<String, AttributeValue>> evaluate(List<PreparedWrite> prepared) {
    List<Map<String, AttributeValue>> results = new ArrayList<>();
    List<Reason> reasons = new ArrayList<>();
    boolean failed = false;
    for (PreparedWrite write : prepared) {
      Map<String, AttributeValue> existing = write.table().items().get(write.key());
      try {
        results.add(write.apply(existing));
        reasons.add(Reason.NONE);
      } catch (ConditionalCheckFailedException e) {
        failed = true;
        results.add(null);
        reasons.add(
            new Reason(
                "ConditionalCheckFailed",
                e.getMessage(),
                write.returnOldOnFailure() ? existing : null));
      } catch (DynamoDbException e) {
        if (!e.type().equals(DynamoDbException.VALIDATION)) {
          throw e;
        }
        failed = true;
        results.add(null);
        reasons.add(new Reason("ValidationError", e.getMessage(), null));
      }
    }
    if (failed) {
      throw new TransactionCanceledException(reasons);
    }
    return results;
  }

  private PreparedWrite prepare(JsonNode item) {
    List<String> kinds = new ArrayList<>();
    item.fieldNames().forEachRemaining(kinds::add);
    kinds.removeIf(k -> item.get(k).isNull());
    if (kinds.size() != 1) {
      throw DynamoDbException.validation(
          "TransactItems can only contain one of Check, Put, Update or Delete");
    }
    String kind = kinds.get(0);
    if (!(item.get(kind) instanceof ObjectNode body)) {
      throw DynamoDbException.validation(
          "TransactItems can only contain one of Check, Put, Update or Delete");
    }
    Requests r = new Requests(body);
    switch (kind) {
      case "Put":
        return writes.put(r, false);
      case "Update":
        return writes.update(r);
      case "Delete":
        return writes.delete(r, false);
      case "ConditionCheck":
        return writes.conditionCheck(r);
      default:
        throw DynamoDbException.validation(
            "TransactItems can only contain one of Check, Put, Update or Delete");
    }
  }

  public ObjectNode transactGetItems(ObjectNode body) {
    Requests r = new Requests(body);
    r.required("TransactItems").oneOf("ReturnConsumedCapacity", ReturnValues.CAPACITY).check();
    JsonNode items = r.node("TransactItems");
    checkCount(items, "transactItems");
    record Get(Table table, PrimaryKey key, RequestExpressions expressions) {}
    List<Get> gets = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (JsonNode item : items) {
      if (!(item.get("Get") instanceof ObjectNode get)) {
        throw DynamoDbException.validation("TransactItems can only contain Get");
      }
      Requests gr = new Requests(get);
      gr.required("TableName", "Key").tableName("TableName").check();
      Map<String, AttributeValue> key = gr.item("Key");
      RequestExpressions expressions = RequestExpressions.parse(gr, "ProjectionExpression");
      Table table = engine.table(gr.string("TableName"));
      table.key().validateKey(key);
      PrimaryKey position = table.keyOf(key);
      if (!seen.add(table.name() + "\u0000" + keyId(position))) {
        throw DynamoDbException.validation(
            "Transaction request cannot include multiple operations on one item");
      }
      gets.add(new Get(table, position, expressions));
    }
    return engine.write(
        () -> {
          ObjectNode out = NODES.objectNode();
          ArrayNode responses = out.putArray("Responses");
          Map<String, Double> units = new LinkedHashMap<>();
          for (Get get : gets) {
            Map<String, AttributeValue> item = get.table().items().get(get.key());
            ObjectNode response = responses.addObject();
            if (item != null) {
              Map<String, AttributeValue> shown =
                  get.expressions().projection == null
                      ? item
                      : get.expressions().projection.apply(item);
              response.set("Item", ValueJson.writeItem(shown));
            }
            units.merge(get.table().name(), 2 * Capacity.readUnits(item, true), Double::sum);
          }
          Capacity.reportTables(r, out, units);
          return out;
        });
  }

  private static String keyId(PrimaryKey key) {
    return key.hash().type()
        + ":"
        + key.hash()
        + "|"
        + (key.range() == null ? "" : key.range().type() + ":" + key.range());
  }

  private static void checkCount(JsonNode items, String member) {
    if (!items.isArray() || items.isEmpty() || items.size() > 100) {
      throw DynamoDbException.validation(
          "1 validation error detected: Value at '"
              + member
              + "' failed to satisfy constraint: Member must have length "
              + (items.size() > 100 ? "less than or equal to 100" : "greater than or equal to 1"));
    }
  }
}
