package dev.orderly.orderviews.persistence;

import static software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromN;
import static software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS;

import dev.orderly.lambda.http.ApiException;
import dev.orderly.lambda.http.ErrorCode;
import dev.orderly.lambda.paging.Cursors;
import dev.orderly.orderviews.domain.OrderChange;
import dev.orderly.orderviews.domain.OrderView;
import dev.orderly.orderviews.domain.OrderViews;
import dev.orderly.orderviews.domain.PageSize;
import dev.orderly.orderviews.domain.Projected;
import dev.orderly.orderviews.domain.ViewPage;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * Order views in DynamoDB, written without reads. An event first tries the update that makes it the
 * view's newest, conditional on its version being higher than the stored one. When that condition
 * fails (a duplicate, or an event overtaken by a newer one) the failed write returns the stored
 * view, and only if the event still has something to add (its history entry, a field the view
 * lacks) a second update adds it with {@code if_not_exists}, which no concurrent writer can undo. A
 * duplicate of the newest event therefore costs one failed write.
 */
public final class DynamoOrderViews implements OrderViews {
  private static final Set<String> INDEX_KEY = Set.of("pk", "sk", "gsi1pk", "gsi1sk");

  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoOrderViews(DynamoDbClient dynamo, String table) {
    this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
    this.table = Objects.requireNonNull(table, "table");
  }

  @Override
  public Projected apply(OrderChange change, Optional<String> customerName) {
    Map<String, AttributeValue> key = ViewItems.key(change.tenant(), change.orderId());
    String version = Long.toString(change.version());
    Assignments newest =
        contributions(Assignments.overwriting(), change, customerName)
            .set("status", fromS(change.change().status().name()))
            .set("version", fromN(version));
    String stored = newest.name("version");
    String condition =
        "attribute_not_exists(" + stored + ") OR " + stored + " < " + newest.value(fromN(version));
    try {
      dynamo.updateItem(
          b ->
              b.tableName(table)
                  .key(key)
                  .updateExpression(newest.expression())
                  .conditionExpression(condition)
                  .expressionAttributeNames(newest.names())
                  .expressionAttributeValues(newest.values())
                  .returnValuesOnConditionCheckFailure(
                      ReturnValuesOnConditionCheckFailure.ALL_OLD));
      return Projected.APPLIED;
    } catch (ConditionalCheckFailedException notNewest) {
      Map<String, AttributeValue> current = notNewest.hasItem() ? notNewest.item() : Map.of();
      if (!addsAnything(current, change, customerName)) {
        return Projected.UNCHANGED;
      }
      Assignments merge = contributions(Assignments.keepingExisting(), change, customerName);
      String exists = "attribute_exists(" + merge.name("pk") + ")";
      dynamo.updateItem(
          b ->
              b.tableName(table)
                  .key(key)
                  .updateExpression(merge.expression())
                  .conditionExpression(exists)
                  .expressionAttributeNames(merge.names())
                  .expressionAttributeValues(merge.values()));
      return Projected.MERGED;
    }
  }

  /** What any event brings besides its status: the fields it carries and its history entry. */
  private static Assignments contributions(
      Assignments update, OrderChange change, Optional<String> customerName) {
    update
        .put("orderId", fromS(change.orderId()))
        .put("customerId", fromS(change.customerId()))
        .setIfAbsent(
            ViewItems.historyAttribute(change.version()), ViewItems.historyEntry(change.change()));
    change
        .amount()
        .ifPresent(
            money ->
                update
                    .put("total", fromN(Long.toString(money.total())))
                    .put("currency", fromS(money.currency())));
    change
        .placedAt()
        .ifPresent(
            placedAt ->
                update
                    .put("placedAt", fromS(placedAt.toString()))
                    .put("gsi1pk", fromS(ViewItems.partition(change.tenant())))
                    .put("gsi1sk", fromS(ViewItems.sortKey(placedAt, change.orderId()))));
    customerName.ifPresent(name -> update.put("customerName", fromS(name)));
    return update;
  }

  private static boolean addsAnything(
      Map<String, AttributeValue> current, OrderChange change, Optional<String> customerName) {
    return !current.containsKey(ViewItems.historyAttribute(change.version()))
        || (change.amount().isPresent() && !current.containsKey("total"))
        || (change.placedAt().isPresent() && !current.containsKey("placedAt"))
        || (customerName.isPresent() && !current.containsKey("customerName"));
  }

  @Override
  public ViewPage page(String tenant, PageSize size, Optional<String> cursor) {
    QueryRequest.Builder query =
        QueryRequest.builder()
            .tableName(table)
            .indexName(ViewItems.INDEX)
            .keyConditionExpression("#p = :p")
            .expressionAttributeNames(Map.of("#p", "gsi1pk"))
            .expressionAttributeValues(Map.of(":p", fromS(ViewItems.partition(tenant))))
            .scanIndexForward(false)
            // one more than asked: a full last page then needs no empty page after it
            .limit(size.value() + 1);
    cursor.ifPresent(token -> query.exclusiveStartKey(startKey(tenant, token)));
    QueryResponse response = dynamo.query(query.build());
    List<Map<String, AttributeValue>> items = response.items();
    Optional<String> next = Optional.empty();
    if (items.size() > size.value()) {
      items = items.subList(0, size.value());
      next = Optional.of(Cursors.encode(tenant, indexKey(items.get(items.size() - 1))));
    } else if (response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()) {
      next = Optional.of(Cursors.encode(tenant, response.lastEvaluatedKey()));
    }
    return new ViewPage(items.stream().map(ViewItems::toView).toList(), next);
  }

  @Override
  public Optional<OrderView> find(String tenant, String orderId) {
    Map<String, AttributeValue> item =
        dynamo
            .getItem(
                b -> b.tableName(table).key(ViewItems.key(tenant, orderId)).consistentRead(true))
            .item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(ViewItems.toView(item));
  }

  private static Map<String, AttributeValue> indexKey(Map<String, AttributeValue> item) {
    return Map.of(
        "pk", item.get("pk"),
        "sk", item.get("sk"),
        "gsi1pk", item.get("gsi1pk"),
        "gsi1sk", item.get("gsi1sk"));
  }

  /** A cursor must name a position in this tenant's index, not just decode for this tenant. */
  private static Map<String, AttributeValue> startKey(String tenant, String token) {
    Map<String, AttributeValue> key = Cursors.decode(tenant, token);
    String partition = ViewItems.partition(tenant);
    boolean ours =
        key.keySet().equals(INDEX_KEY)
            && key.values().stream().allMatch(value -> value.s() != null)
            && key.get("gsi1pk").s().equals(partition)
            && key.get("pk").s().startsWith(partition + "#VIEW#")
            && key.get("sk").s().equals(ViewItems.SK);
    if (!ours) {
      throw new ApiException(ErrorCode.INVALID_CURSOR, "The cursor is not one this API issued.");
    }
    return key;
  }
}
