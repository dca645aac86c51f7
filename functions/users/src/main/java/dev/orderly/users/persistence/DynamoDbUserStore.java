package dev.orderly.users.persistence;

import static dev.orderly.users.persistence.UserItems.n;
import static dev.orderly.users.persistence.UserItems.s;

import dev.orderly.outbox.OutboxTable;
import dev.orderly.users.domain.Registration;
import dev.orderly.users.domain.Update;
import dev.orderly.users.domain.User;
import dev.orderly.users.domain.UserEvent;
import dev.orderly.users.domain.UserStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Users in DynamoDB. Email uniqueness within a tenant is a claim item written in the same
 * transaction as the user and its outbox entry: DynamoDB has no unique secondary index, and a
 * check-then-write would let two concurrent registrations both pass the check.
 */
public final class DynamoDbUserStore implements UserStore {
  private static final int USER = 0;
  private static final int CLAIM = 1;

  private final DynamoDbClient dynamo;
  private final String table;
  private final OutboxTable outbox;

  public DynamoDbUserStore(DynamoDbClient dynamo, String table) {
    this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
    this.table = Objects.requireNonNull(table, "table");
    this.outbox = new OutboxTable(table);
  }

  @Override
  public Optional<User> find(String tenant, String userId) {
    Map<String, AttributeValue> item =
        dynamo
            .getItem(
                b -> b.tableName(table).key(UserItems.userKey(tenant, userId)).consistentRead(true))
            .item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(UserItems.user(item));
  }

  /** Items: [0] the user (new), [1] the email claim (free), [2] the outbox entry. */
  @Override
  public Registration create(User user, UserEvent event) {
    List<TransactWriteItem> items =
        List.of(
            putIfAbsent(UserItems.user(user)),
            putIfAbsent(UserItems.emailClaim(user, event.occurredAt())),
            outbox.put(UserEvents.outboxEntry(event), event.occurredAt()));
    try {
      dynamo.transactWriteItems(b -> b.transactItems(items));
      return new Registration.Registered(user);
    } catch (TransactionCanceledException cancelled) {
      Cancellations reasons = Cancellations.of(cancelled);
      if (reasons.conditionFailed(CLAIM)) {
        return new Registration.EmailTaken(user.email());
      }
      throw new IllegalStateException("registration cancelled: " + reasons, cancelled);
    }
  }

  /**
   * Items: [0] the user, conditional on the version read (old image returned on failure); when the
   * email's claim key changes, [1] the new claim (free) and [2] the old claim's release
   * (conditional on still being this user's); last, the outbox entry at the new version.
   */
  @Override
  public Update update(User current, User next, UserEvent event) {
    List<TransactWriteItem> items = new ArrayList<>();
    items.add(putIfAtVersion(UserItems.user(next), current.version()));
    boolean movesClaim = !current.email().claimKey().equals(next.email().claimKey());
    if (movesClaim) {
      items.add(putIfAbsent(UserItems.emailClaim(next, event.occurredAt())));
      items.add(releaseClaim(current));
    }
    items.add(outbox.put(UserEvents.outboxEntry(event), event.occurredAt()));
    try {
      dynamo.transactWriteItems(b -> b.transactItems(items));
      return new Update.Updated(next);
    } catch (TransactionCanceledException cancelled) {
      Cancellations reasons = Cancellations.of(cancelled);
      if (reasons.conditionFailed(USER)) {
        return reasons
            .oldItem(USER)
            .<Update>map(old -> new Update.VersionMismatch(UserItems.version(old)))
            .orElseGet(Update.NotFound::new);
      }
      if (movesClaim && reasons.conditionFailed(CLAIM)) {
        return new Update.EmailTaken(next.email());
      }
      throw new IllegalStateException("update cancelled: " + reasons, cancelled);
    }
  }

  private TransactWriteItem releaseClaim(User holder) {
    return TransactWriteItem.builder()
        .delete(
            Delete.builder()
                .tableName(table)
                .key(UserItems.emailKey(holder.tenant(), holder.email()))
                .conditionExpression("userId = :userId")
                .expressionAttributeValues(Map.of(":userId", s(holder.userId())))
                .build())
        .build();
  }

  private TransactWriteItem putIfAbsent(Map<String, AttributeValue> item) {
    return put(Put.builder().item(item).conditionExpression("attribute_not_exists(pk)"));
  }

  /** Old image returned on failure: a stale write learns the stored version without a read. */
  private TransactWriteItem putIfAtVersion(Map<String, AttributeValue> item, long expected) {
    return put(
        Put.builder()
            .item(item)
            .conditionExpression("#version = :expected")
            .expressionAttributeNames(Map.of("#version", "version"))
            .expressionAttributeValues(Map.of(":expected", n(expected))));
  }

  private TransactWriteItem put(Put.Builder put) {
    return TransactWriteItem.builder()
        .put(
            put.tableName(table)
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                .build())
        .build();
  }
}
