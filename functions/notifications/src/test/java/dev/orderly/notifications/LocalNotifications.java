package dev.orderly.notifications;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import dev.orderly.dynamodb.DynamoDbEngine;
import dev.orderly.lambda.config.Environment;
import dev.orderly.notifications.email.LocalEmailSender;
import dev.orderly.notifications.handler.NotificationHandler;
import dev.orderly.notifications.wiring.DaggerNotificationComponent;
import dev.orderly.notifications.wiring.NotificationComponent;
import dev.orderly.notifications.wiring.SourcesModule;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * A notifications deployment on the in-process DynamoDB engine: fresh tables per instance, the
 * function's environment pointing at the engine (local mail unless told otherwise), and a clock the
 * test can move.
 */
public final class LocalNotifications {
  public static final Instant START = Instant.parse("2026-05-01T10:00:00Z");
  private static final AtomicInteger TABLES = new AtomicInteger();

  public final DynamoDbClient dynamo;
  public final String table;
  public final String idempotencyTable;
  public final MutableClock clock = new MutableClock(START);
  public final Map<String, String> environment = new HashMap<>();

  public LocalNotifications(DynamoDbEngine engine) {
    int n = TABLES.incrementAndGet();
    this.table = "notifications-" + n;
    this.idempotencyTable = "idempotency-" + n;
    this.dynamo = client(engine);
    createTable(table, true);
    createTable(idempotencyTable, false);
    environment.put("AWS_REGION", "us-east-1");
    environment.put("AWS_ACCESS_KEY_ID", "local");
    environment.put("AWS_SECRET_ACCESS_KEY", "local");
    environment.put("AWS_ENDPOINT_URL", engine.endpoint().toString());
    environment.put("NOTIFICATIONS_TABLE", table);
    environment.put("IDEMPOTENCY_TABLE", idempotencyTable);
    environment.put("EMAIL_SENDER", "local");
  }

  public static DynamoDbClient client(DynamoDbEngine engine) {
    return DynamoDbClient.builder()
        .endpointOverride(engine.endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .httpClient(UrlConnectionHttpClient.builder().build())
        .build();
  }

  private void createTable(String name, boolean withSortKey) {
    dynamo.createTable(
        b -> {
          b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST);
          if (withSortKey) {
            b.attributeDefinitions(attribute("pk"), attribute("sk"))
                .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE));
          } else {
            b.attributeDefinitions(attribute("pk")).keySchema(key("pk", KeyType.HASH));
          }
        });
  }

  private static AttributeDefinition attribute(String name) {
    return AttributeDefinition.builder()
        .attributeName(name)
        .attributeType(ScalarAttributeType.S)
        .build();
  }

  private static KeySchemaElement key(String name, KeyType type) {
    return KeySchemaElement.builder().attributeName(name).keyType(type).build();
  }

  public NotificationComponent component() {
    return DaggerNotificationComponent.builder()
        .environment(Environment.of(environment))
        .sourcesModule(new SourcesModule(clock))
        .build();
  }

  /** The handler and the mailbox its local sender records into. */
  public record Deployed(NotificationHandler handler, LocalEmailSender mailbox) {}

  public Deployed deploy() {
    NotificationComponent component = component();
    return new Deployed(
        new NotificationHandler(component), (LocalEmailSender) component.emailSender());
  }

  /** An SQS batch from {@code src/test/resources/events/<name>.json}. */
  public static SQSEvent batch(String name) {
    return EventLoader.loadSQSEvent("events/" + name + ".json");
  }

  /** Every item of the notifications table whose pk starts with {@code prefix}. */
  public List<Map<String, AttributeValue>> items(String prefix) {
    return dynamo.scan(b -> b.tableName(table)).items().stream()
        .filter(item -> item.get("pk").s().startsWith(prefix))
        .toList();
  }
}
