package dev.orderly.orders.testing;

import dev.orderly.dynamodb.DynamoDbEngine;
import dev.orderly.lambda.config.Environment;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
 * Fresh orders and idempotency tables on the in-process engine, named uniquely per test, the
 * environment a function would get for them, and reads for assertions.
 */
public final class OrdersTables {
  public final DynamoDbClient dynamo;
  public final String orders;
  public final String idempotency;
  private final URI endpoint;

  public OrdersTables(DynamoDbEngine engine) {
    this.endpoint = engine.endpoint();
    this.dynamo =
        DynamoDbClient.builder()
            .endpointOverride(endpoint)
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
            .httpClient(UrlConnectionHttpClient.builder().build())
            .build();
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    this.orders = "orders-" + suffix;
    this.idempotency = "idempotency-" + suffix;
    create(orders, List.of("pk", "sk"));
    create(idempotency, List.of("pk"));
  }

  /** What the orders functions read: the tables, the engine as endpoint, local credentials. */
  public Environment environment() {
    Map<String, String> env = new HashMap<>();
    env.put("AWS_REGION", "us-east-1");
    env.put("AWS_ACCESS_KEY_ID", "local");
    env.put("AWS_SECRET_ACCESS_KEY", "local");
    env.put("AWS_ENDPOINT_URL", endpoint.toString());
    env.put("ORDERS_TABLE", orders);
    env.put("IDEMPOTENCY_TABLE", idempotency);
    return Environment.of(env);
  }

  public Map<String, AttributeValue> item(String pk, String sk) {
    Map<String, AttributeValue> item =
        dynamo
            .getItem(
                b ->
                    b.tableName(orders)
                        .consistentRead(true)
                        .key(
                            Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk))))
            .item();
    return item == null || item.isEmpty() ? null : item;
  }

  public Map<String, AttributeValue> order(String tenant, String orderId) {
    return item("T#" + tenant + "#ORDER#" + orderId, "ORDER");
  }

  /** The outbox entry of an order at a position (its version), or null. */
  public Map<String, AttributeValue> outbox(String orderId, long sequence) {
    return item("OUTBOX#" + orderId, String.format("%020d", sequence));
  }

  /** Every item of the orders table (orders and outbox entries). */
  public List<Map<String, AttributeValue>> all() {
    return dynamo.scan(b -> b.tableName(orders).consistentRead(true)).items();
  }

  private void create(String name, List<String> keys) {
    dynamo.createTable(
        b -> {
          b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST);
          b.attributeDefinitions(
              keys.stream()
                  .map(
                      k ->
                          AttributeDefinition.builder()
                              .attributeName(k)
                              .attributeType(ScalarAttributeType.S)
                              .build())
                  .toList());
          b.keySchema(
              keys.stream()
                  .map(
                      k ->
                          KeySchemaElement.builder()
                              .attributeName(k)
                              .keyType(k.equals("pk") ? KeyType.HASH : KeyType.RANGE)
                              .build())
                  .toList());
        });
  }
}
