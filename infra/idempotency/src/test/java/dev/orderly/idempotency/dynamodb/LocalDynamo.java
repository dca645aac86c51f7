package dev.orderly.idempotency.dynamodb;

import java.net.URI;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/** Test wiring: an SDK client for the in-process engine, and tables keyed by a string pk. */
public final class LocalDynamo {
  private LocalDynamo() {}

  public static DynamoDbClient client(URI endpoint, ExecutionInterceptor... interceptors) {
    return DynamoDbClient.builder()
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .httpClient(UrlConnectionHttpClient.builder().build())
        .overrideConfiguration(
            o -> {
              for (ExecutionInterceptor interceptor : interceptors) {
                o.addExecutionInterceptor(interceptor);
              }
            })
        .build();
  }

  public static void createTable(DynamoDbClient dynamo, String name) {
    dynamo.createTable(
        b ->
            b.tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                    AttributeDefinition.builder()
                        .attributeName("pk")
                        .attributeType(ScalarAttributeType.S)
                        .build())
                .keySchema(
                    KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build()));
  }

  /** The update that adds one to a counter attribute of the item keyed {@code pk}. */
  public static Update increment(String table, String pk, String counter) {
    return Update.builder()
        .tableName(table)
        .key(Map.of("pk", AttributeValue.fromS(pk)))
        .updateExpression("ADD #counter :one")
        .expressionAttributeNames(Map.of("#counter", counter))
        .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")))
        .build();
  }

  /** Applies the increment now, outside any transaction. */
  public static void incrementNow(DynamoDbClient dynamo, String table, String pk, String counter) {
    Update update = increment(table, pk, counter);
    dynamo.updateItem(
        b ->
            b.tableName(update.tableName())
                .key(update.key())
                .updateExpression(update.updateExpression())
                .expressionAttributeNames(update.expressionAttributeNames())
                .expressionAttributeValues(update.expressionAttributeValues()));
  }

  /** The same increment as an item of a transaction. */
  public static TransactWriteItem incrementInTransaction(String table, String pk, String counter) {
    return TransactWriteItem.builder().update(increment(table, pk, counter)).build();
  }

  /** The counter's value, 0 when the item or attribute does not exist. */
  public static long count(DynamoDbClient dynamo, String table, String pk, String counter) {
    Map<String, AttributeValue> item =
        dynamo.getItem(b -> b.tableName(table).key(Map.of("pk", AttributeValue.fromS(pk)))).item();
    AttributeValue value = item == null ? null : item.get(counter);
    return value == null ? 0 : Long.parseLong(value.n());
  }
}
