package dev.orderly.idempotency.dynamodb;

import dev.orderly.idempotency.IdempotencyRecord;
import dev.orderly.idempotency.IdempotencyStore;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * Idempotency records in a DynamoDB table whose partition key is the idempotency key (a string) and
 * whose TTL attribute is {@code expiresAt}. A claim is one conditional PutItem that returns the
 * holder's record when it fails, so a duplicate costs one call and no read; completion is a PutItem
 * and release a DeleteItem, both conditional on the claim's owner. Expiry is checked in the
 * condition: TTL deletion, which can lag by days, is only housekeeping.
 */
public final class DynamoDbIdempotencyStore implements IdempotencyStore {
  /** The claim rule of {@link IdempotencyRecord#claimableAt}, as a condition expression. */
  static final String CLAIM_CONDITION =
      "attribute_not_exists(#key) OR #expiresAt < :nowSeconds"
          + " OR (#status = :inProgress AND #inProgressExpiresAt < :nowMillis)";

  private final DynamoDbClient dynamo;
  private final String table;
  private final Attributes names;

  private DynamoDbIdempotencyStore(Builder builder) {
    this.dynamo = builder.dynamo;
    this.table = builder.table;
    this.names = builder.names;
  }

  public static Builder builder(DynamoDbClient dynamo, String table) {
    return new Builder(dynamo, table);
  }

  /** The attribute names the records use; the defaults suit a table keyed by {@code pk}. */
  public record Attributes(
      String key,
      String status,
      String payloadHash,
      String response,
      String expiresAt,
      String inProgressExpiresAt,
      String owner) {
    public static final Attributes DEFAULT =
        new Attributes(
            "pk", "status", "payloadHash", "response", "expiresAt", "inProgressExpiresAt", "owner");
  }

  @Override
  public Claim claim(IdempotencyRecord inProgress, Instant now) {
    try {
      dynamo.putItem(
          b ->
              b.tableName(table)
                  .item(toItem(inProgress))
                  .conditionExpression(CLAIM_CONDITION)
                  .expressionAttributeNames(
                      Map.of(
                          "#key", names.key(),
                          "#expiresAt", names.expiresAt(),
                          "#status", names.status(),
                          "#inProgressExpiresAt", names.inProgressExpiresAt()))
                  .expressionAttributeValues(
                      Map.of(
                          ":nowSeconds", number(now.getEpochSecond()),
                          ":nowMillis", number(now.toEpochMilli()),
                          ":inProgress",
                              AttributeValue.fromS(IdempotencyRecord.Status.IN_PROGRESS.name())))
                  .returnValuesOnConditionCheckFailure(
                      ReturnValuesOnConditionCheckFailure.ALL_OLD));
      return new Claim.Acquired();
    } catch (ConditionalCheckFailedException held) {
      if (!held.hasItem()) {
        throw new IllegalStateException(
            "claim of " + inProgress.key() + " failed without the holder's record", held);
      }
      return new Claim.Held(fromItem(held.item()));
    }
  }

  @Override
  public void complete(IdempotencyRecord completed) {
    dynamo.putItem(
        b ->
            b.tableName(table)
                .item(toItem(completed))
                .conditionExpression("#owner = :owner")
                .expressionAttributeNames(Map.of("#owner", names.owner()))
                .expressionAttributeValues(
                    Map.of(":owner", AttributeValue.fromS(completed.owner()))));
  }

  @Override
  public void release(IdempotencyRecord inProgress) {
    try {
      dynamo.deleteItem(
          b ->
              b.tableName(table)
                  .key(Map.of(names.key(), AttributeValue.fromS(inProgress.key())))
                  .conditionExpression("#owner = :owner")
                  .expressionAttributeNames(Map.of("#owner", names.owner()))
                  .expressionAttributeValues(
                      Map.of(":owner", AttributeValue.fromS(inProgress.owner()))));
    } catch (ConditionalCheckFailedException takenOver) {
      // Another attempt owns the key now; its record is not ours to delete.
    }
  }

  Map<String, String> claimNames() {
    return Map.of(
        "#key", names.key(),
        "#expiresAt", names.expiresAt(),
        "#status", names.status(),
        "#inProgressExpiresAt", names.inProgressExpiresAt());
  }

  static Map<String, AttributeValue> claimValues(Instant now) {
    return Map.of(
        ":nowSeconds", number(now.getEpochSecond()),
        ":nowMillis", number(now.toEpochMilli()),
        ":inProgress", AttributeValue.fromS(IdempotencyRecord.Status.IN_PROGRESS.name()));
  }

  /** The record as a DynamoDB item (hand-mapped; no bean introspection on the hot path). */
  public Map<String, AttributeValue> toItem(IdempotencyRecord record) {
    Map<String, AttributeValue> item = new HashMap<>(8);
    item.put(names.key(), AttributeValue.fromS(record.key()));
    item.put(names.status(), AttributeValue.fromS(record.status().name()));
    item.put(names.payloadHash(), AttributeValue.fromS(record.payloadHash()));
    if (record.response() != null) {
      item.put(names.response(), AttributeValue.fromS(record.response()));
    }
    item.put(names.expiresAt(), number(record.expiresAt().getEpochSecond()));
    item.put(names.inProgressExpiresAt(), number(record.inProgressExpiresAt().toEpochMilli()));
    item.put(names.owner(), AttributeValue.fromS(record.owner()));
    return item;
  }

  IdempotencyRecord fromItem(Map<String, AttributeValue> item) {
    AttributeValue response = item.get(names.response());
    return new IdempotencyRecord(
        item.get(names.key()).s(),
        IdempotencyRecord.Status.valueOf(item.get(names.status()).s()),
        item.get(names.payloadHash()).s(),
        response == null ? null : response.s(),
        Instant.ofEpochSecond(Long.parseLong(item.get(names.expiresAt()).n())),
        Instant.ofEpochMilli(Long.parseLong(item.get(names.inProgressExpiresAt()).n())),
        item.get(names.owner()).s());
  }

  private static AttributeValue number(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }

  /** The client and table are required; attribute names default to {@link Attributes#DEFAULT}. */
  public static final class Builder {
    private final DynamoDbClient dynamo;
    private final String table;
    private Attributes names = Attributes.DEFAULT;

    private Builder(DynamoDbClient dynamo, String table) {
      this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
      this.table = Objects.requireNonNull(table, "table");
    }

    public Builder attributes(Attributes names) {
      this.names = Objects.requireNonNull(names, "names");
      return this;
    }

    public DynamoDbIdempotencyStore build() {
      return new DynamoDbIdempotencyStore(this);
    }
  }
}
