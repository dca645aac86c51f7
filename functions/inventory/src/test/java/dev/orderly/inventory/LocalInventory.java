package dev.orderly.inventory;

import dev.orderly.dynamodb.DynamoDbEngine;
import dev.orderly.idempotency.dynamodb.TransactionalIdempotency;
import dev.orderly.inventory.persistence.DynamoDbInventoryRepository;
import dev.orderly.lambda.config.Environment;
import java.time.Clock;
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
 * Inventory's tables on the in-process engine: a fresh pair per test (so tests share an engine but
 * no data), an SDK client on url-connection-client, and the environment a function would get.
 */
public final class LocalInventory {
  private static final AtomicInteger TABLES = new AtomicInteger();

  public final DynamoDbClient dynamo;
  public final String inventoryTable;
  public final String idempotencyTable;
  private final DynamoDbEngine engine;

  public LocalInventory(DynamoDbEngine engine) {
    this.engine = engine;
    this.dynamo =
        DynamoDbClient.builder()
            .endpointOverride(engine.endpoint())
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
            .httpClient(UrlConnectionHttpClient.builder().build())
            .build();
    int n = TABLES.incrementAndGet();
    this.inventoryTable = "inventory-" + n;
    this.idempotencyTable = "idempotency-" + n;
    create(inventoryTable, List.of("pk", "sk"));
    create(idempotencyTable, List.of("pk"));
  }

  private void create(String name, List<String> keys) {
    dynamo.createTable(
        b ->
            b.tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                    keys.stream()
                        .map(
                            k ->
                                AttributeDefinition.builder()
                                    .attributeName(k)
                                    .attributeType(ScalarAttributeType.S)
                                    .build())
                        .toList())
                .keySchema(
                    keys.stream()
                        .map(
                            k ->
                                KeySchemaElement.builder()
                                    .attributeName(k)
                                    .keyType(k.equals("pk") ? KeyType.HASH : KeyType.RANGE)
                                    .build())
                        .toList()));
  }

  /** What the template gives an inventory function, pointed at the engine. */
  public Environment environment() {
    return Environment.of(
        Map.of(
            "AWS_REGION",
            "us-east-1",
            "AWS_ACCESS_KEY_ID",
            "local",
            "AWS_SECRET_ACCESS_KEY",
            "local",
            "AWS_ENDPOINT_URL",
            engine.endpoint().toString(),
            "INVENTORY_TABLE",
            inventoryTable,
            "IDEMPOTENCY_TABLE",
            idempotencyTable));
  }

  public DynamoDbInventoryRepository repository(Clock clock) {
    return new DynamoDbInventoryRepository(
        dynamo,
        inventoryTable,
        TransactionalIdempotency.builder(dynamo, idempotencyTable).clock(clock).build());
  }

  /** The outbox items of the table (pk {@code OUTBOX#...}), in no particular order. */
  public List<Map<String, AttributeValue>> outbox() {
    return dynamo.scan(b -> b.tableName(inventoryTable)).items().stream()
        .filter(item -> item.get("pk").s().startsWith("OUTBOX#"))
        .toList();
  }
}
