package dev.orderly.notifications.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderly.dynamodb.DynamoDbEngineExtension;
import dev.orderly.notifications.LocalNotifications;
import dev.orderly.notifications.domain.Customer;
import dev.orderly.notifications.domain.SentMail;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The notifications table through the SDK against the in-process engine. */
class DynamoDbNotificationsTableTest {
  @RegisterExtension static final DynamoDbEngineExtension ENGINE = new DynamoDbEngineExtension();
  private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");

  private LocalNotifications local;
  private DynamoDbNotificationsTable table;

  @BeforeEach
  void setUp() {
    local = new LocalNotifications(ENGINE.engine());
    table = new DynamoDbNotificationsTable(local.dynamo, local.table);
  }

  private static SentMail mail(String eventId, String messageId) {
    return new SentMail("acme", eventId, "UserRegistered", "a@b.co", "Hi", messageId, NOW);
  }

  @Test
  void record_writesTheSentLogItemWithItsTtl() {
    table.record(mail("ev-1", "msg-1"));

    assertThat(table.contains("acme", "ev-1")).isTrue();
    Map<String, AttributeValue> item = local.items("T#acme#MAIL#ev-1").get(0);
    assertThat(item.get("sk").s()).isEqualTo("SENT");
    assertThat(item.get("recipient").s()).isEqualTo("a@b.co");
    assertThat(item.get("messageId").s()).isEqualTo("msg-1");
    assertThat(Long.parseLong(item.get("expiresAt").n()))
        .isEqualTo(NOW.plus(DynamoDbNotificationsTable.SENT_LOG_RETENTION).getEpochSecond());
  }

  @Test
  void record_twice_keepsTheFirst() {
    table.record(mail("ev-1", "msg-1"));
    table.record(mail("ev-1", "msg-2"));

    assertThat(local.items("T#acme#MAIL#"))
        .singleElement()
        .satisfies(item -> assertThat(item.get("messageId").s()).isEqualTo("msg-1"));
  }

  @Test
  void contains_isPerTenant() {
    table.record(mail("ev-1", "msg-1"));

    assertThat(table.contains("globex", "ev-1")).isFalse();
    assertThat(table.contains("acme", "ev-2")).isFalse();
  }

  @Test
  void remember_keepsTheNewestVersionWhateverTheOrder() {
    table.remember(new Customer("acme", "u-1", "v2@example.com", "Two", 2));
    table.remember(new Customer("acme", "u-1", "v1@example.com", "One", 1));
    table.remember(new Customer("acme", "u-1", "v2bis@example.com", "Two bis", 2));

    assertThat(table.find("acme", "u-1"))
        .contains(new Customer("acme", "u-1", "v2@example.com", "Two", 2));

    table.remember(new Customer("acme", "u-1", "v3@example.com", "Three", 3));

    assertThat(table.find("acme", "u-1")).map(Customer::email).contains("v3@example.com");
    assertThat(local.items("T#acme#CUSTOMER#u-1"))
        .singleElement()
        .satisfies(item -> assertThat(item.get("sk").s()).isEqualTo("CUSTOMER"));
  }

  @Test
  void find_isPerTenant() {
    table.remember(new Customer("acme", "u-1", "a@b.co", "A", 1));

    assertThat(table.find("globex", "u-1")).isEmpty();
    assertThat(table.find("acme", "u-2")).isEmpty();
  }
}
