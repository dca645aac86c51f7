package dev.orderly.orderviews.persistence;

import static software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromN;
import static software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS;

import dev.orderly.orderviews.domain.CustomerChange;
import dev.orderly.orderviews.domain.Customers;
import dev.orderly.orderviews.domain.Projected;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * The customer items of the order-views table ({@code T#<t>#CUSTOMER#<userId>} / {@code CUSTOMER}):
 * a name and the user version it came from. A put wins only with a higher version, so a late
 * UserRegistered cannot undo a UserUpdated. Names for a page are one BatchGetItem.
 */
public final class DynamoCustomers implements Customers {
  static final String SK = "CUSTOMER";

  /** BatchGetItem's limit on keys per call. */
  private static final int BATCH = 100;

  /** Rounds of retrying UnprocessedKeys before giving up on the page. */
  private static final int ROUNDS = 5;

  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoCustomers(DynamoDbClient dynamo, String table) {
    this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
    this.table = Objects.requireNonNull(table, "table");
  }

  static Map<String, AttributeValue> key(String tenant, String userId) {
    return Map.of(
        "pk", fromS(ViewItems.partition(tenant) + "#CUSTOMER#" + userId), "sk", fromS(SK));
  }

  @Override
  public Projected apply(CustomerChange change) {
    Map<String, AttributeValue> item = new HashMap<>(key(change.tenant(), change.userId()));
    item.put("userId", fromS(change.userId()));
    item.put("customerName", fromS(change.name()));
    item.put("version", fromN(Long.toString(change.version())));
    try {
      dynamo.putItem(
          b ->
              b.tableName(table)
                  .item(item)
                  .conditionExpression("attribute_not_exists(pk) OR #version < :version")
                  .expressionAttributeNames(Map.of("#version", "version"))
                  .expressionAttributeValues(
                      Map.of(":version", fromN(Long.toString(change.version())))));
      return Projected.APPLIED;
    } catch (ConditionalCheckFailedException notNewer) {
      return Projected.UNCHANGED;
    }
  }

  @Override
  public Optional<String> name(String tenant, String customerId) {
    Map<String, AttributeValue> item =
        dynamo
            .getItem(
                b ->
                    b.tableName(table)
                        .key(key(tenant, customerId))
                        .consistentRead(true)
                        .projectionExpression("customerName"))
            .item();
    return item == null || !item.containsKey("customerName")
        ? Optional.empty()
        : Optional.of(item.get("customerName").s());
  }

  @Override
  public Map<String, String> names(String tenant, Set<String> customerIds) {
    List<Map<String, AttributeValue>> keys =
        customerIds.stream().sorted().map(id -> key(tenant, id)).toList();
    Map<String, String> names = new HashMap<>();
    for (int from = 0; from < keys.size(); from += BATCH) {
      fetch(keys.subList(from, Math.min(keys.size(), from + BATCH)), names);
    }
    return names;
  }

  private void fetch(List<Map<String, AttributeValue>> keys, Map<String, String> names) {
    Map<String, KeysAndAttributes> request =
        Map.of(
            table,
            KeysAndAttributes.builder()
                .keys(new ArrayList<>(keys))
                .projectionExpression("userId, customerName")
                .build());
    for (int round = 0; round < ROUNDS && !request.isEmpty(); round++) {
      Map<String, KeysAndAttributes> pending = request;
      BatchGetItemResponse response = dynamo.batchGetItem(b -> b.requestItems(pending));
      for (Map<String, AttributeValue> item : response.responses().getOrDefault(table, List.of())) {
        names.put(item.get("userId").s(), item.get("customerName").s());
      }
      request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
    }
    if (!request.isEmpty()) {
      throw new IllegalStateException(
          "customer names still unprocessed after " + ROUNDS + " rounds");
    }
  }
}
