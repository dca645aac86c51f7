package dev.orderly.orderviews;

import dev.orderly.lambda.config.Environment;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Test wiring for the in-process engine: an SDK client, the order-views table as template.yaml
 * declares it (pk/sk, GSI byTenant on gsi1pk/gsi1sk), and a function environment pointing at it.
 */
public final class LocalViews {
  private static final AtomicInteger TABLES = new AtomicInteger();

  private LocalViews() {}

  public static DynamoDbClient client(URI endpoint, ExecutionInterceptor... interceptors) {
    return DynamoDbClient.builder()
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .httpClient(UrlConnectionHttpClient.builder().build())
        .overrideConfiguration(o -> List.of(interceptors).forEach(o::addExecutionInterceptor))
        .build();
  }

  /** Creates a fresh order-views table and returns its name. */
  public static String createTable(DynamoDbClient dynamo) {
    String name = "order-views-" + TABLES.incrementAndGet();
    dynamo.createTable(
        b ->
            b.tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                    string("pk"), string("sk"), string("gsi1pk"), string("gsi1sk"))
                .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
                .globalSecondaryIndexes(
                    GlobalSecondaryIndex.builder()
                        .indexName("byTenant")
                        .keySchema(key("gsi1pk", KeyType.HASH), key("gsi1sk", KeyType.RANGE))
                        .projection(p -> p.projectionType(ProjectionType.ALL))
                        .build()));
    return name;
  }

  /** What a deployed function would find in its environment, pointed at the engine. */
  public static Environment environment(URI endpoint, String table) {
    return Environment.of(
        Map.of(
            "AWS_REGION", "us-east-1",
            "AWS_ACCESS_KEY_ID", "local",
            "AWS_SECRET_ACCESS_KEY", "local",
            "AWS_ENDPOINT_URL", endpoint.toString(),
            "ORDER_VIEWS_TABLE", table));
  }

  private static AttributeDefinition string(String name) {
    return AttributeDefinition.builder()
        .attributeName(name)
        .attributeType(ScalarAttributeType.S)
        .build();
  }

  private static KeySchemaElement key(String name, KeyType type) {
    return KeySchemaElement.builder().attributeName(name).keyType(type).build();
  }

  /** Records each SDK call's operation name, with " failed" when it failed. */
  public static final class Calls implements ExecutionInterceptor {
    private final List<String> calls = new ArrayList<>();

    @Override
    public synchronized void afterExecution(
        Context.AfterExecution context, ExecutionAttributes attributes) {
      calls.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
    }

    @Override
    public synchronized void onExecutionFailure(
        Context.FailedExecution context, ExecutionAttributes attributes) {
      calls.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME) + " failed");
    }

    /** The calls since the last drain. */
    public synchronized List<String> drain() {
      List<String> drained = List.copyOf(calls);
      calls.clear();
      return drained;
    }
  }
}
