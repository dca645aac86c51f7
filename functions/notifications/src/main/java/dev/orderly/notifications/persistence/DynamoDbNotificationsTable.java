package dev.orderly.notifications.persistence;

import dev.orderly.notifications.domain.Customer;
import dev.orderly.notifications.domain.CustomerDirectory;
import dev.orderly.notifications.domain.SentLog;
import dev.orderly.notifications.domain.SentMail;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The notifications table, mapped by hand: the sent log ({@code T#<t>#MAIL#<eventId>} / {@code
 * SENT}, kept {@link #SENT_LOG_RETENTION} through the TTL attribute {@code expiresAt}) and the
 * customers' addresses ({@code T#<t>#CUSTOMER#<userId>} / {@code CUSTOMER}), each written only if
 * its version is newer than the stored one, so out-of-order user events settle on the newest.
 */
public final class DynamoDbNotificationsTable implements CustomerDirectory, SentLog {
  /** Longer than any redelivery path (SQS retention is at most 14 days). */
  public static final Duration SENT_LOG_RETENTION = Duration.ofDays(30);

  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoDbNotificationsTable(DynamoDbClient dynamo, String table) {
    this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
    this.table = Objects.requireNonNull(table, "table");
  }

  static Map<String, AttributeValue> mailKey(String tenant, String eventId) {
    return Map.of("pk", s("T#" + tenant + "#MAIL#" + eventId), "sk", s("SENT"));
  }

  static Map<String, AttributeValue> customerKey(String tenant, String userId) {
    return Map.of("pk", s("T#" + tenant + "#CUSTOMER#" + userId), "sk", s("CUSTOMER"));
  }

  @Override
  public boolean contains(String tenant, String eventId) {
    Map<String, AttributeValue> item =
        dynamo
            .getItem(
                b ->
                    b.tableName(table)
                        .key(mailKey(tenant, eventId))
                        .consistentRead(true)
                        .projectionExpression("pk"))
            .item();
    return item != null && !item.isEmpty();
  }

  @Override
  public void record(SentMail mail) {
    Map<String, AttributeValue> item = new HashMap<>(mailKey(mail.tenant(), mail.eventId()));
    item.put("type", s("SENT_MAIL"));
    item.put("eventId", s(mail.eventId()));
    item.put("detailType", s(mail.detailType()));
    item.put("recipient", s(mail.to()));
    item.put("subject", s(mail.subject()));
    item.put("messageId", s(mail.messageId()));
    item.put("sentAt", s(mail.sentAt().toString()));
    item.put(
        "expiresAt",
        AttributeValue.fromN(
            Long.toString(mail.sentAt().plus(SENT_LOG_RETENTION).getEpochSecond())));
    try {
      dynamo.putItem(
          b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
    } catch (ConditionalCheckFailedException alreadyRecorded) {
      // the first record of this event stays: it names the mail that actually went out first
    }
  }

  @Override
  public void remember(Customer customer) {
    Map<String, AttributeValue> item =
        new HashMap<>(customerKey(customer.tenant(), customer.userId()));
    item.put("type", s("CUSTOMER"));
    item.put("userId", s(customer.userId()));
    item.put("email", s(customer.email()));
    item.put("name", s(customer.name()));
    item.put("version", AttributeValue.fromN(Long.toString(customer.version())));
    try {
      dynamo.putItem(
          b ->
              b.tableName(table)
                  .item(item)
                  .conditionExpression("attribute_not_exists(pk) OR #version < :version")
                  .expressionAttributeNames(Map.of("#version", "version"))
                  .expressionAttributeValues(Map.of(":version", item.get("version"))));
    } catch (ConditionalCheckFailedException notNewer) {
      // an event at least as new was applied already
    }
  }

  @Override
  public Optional<Customer> find(String tenant, String userId) {
    Map<String, AttributeValue> item =
        dynamo
            .getItem(b -> b.tableName(table).key(customerKey(tenant, userId)).consistentRead(true))
            .item();
    if (item == null || item.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Customer(
            tenant,
            item.get("userId").s(),
            item.get("email").s(),
            item.get("name").s(),
            Long.parseLong(item.get("version").n())));
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }
}
