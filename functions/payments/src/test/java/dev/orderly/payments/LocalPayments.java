package dev.orderly.payments;

import dev.orderly.dynamodb.DynamoDbEngine;
import dev.orderly.idempotency.dynamodb.TransactionalIdempotency;
import dev.orderly.lambda.config.Environment;
import dev.orderly.payments.persistence.DynamoDbPaymentRepository;
import java.time.Clock;
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
 * Payments' tables on the in-process engine: a fresh pair per test (so tests share an engine but no
 * data), an SDK client on url-connection-client, and the environment a function would get.
 */
public final class LocalPayments {
  private static final AtomicInteger TABLES = new AtomicInteger();

  public final DynamoDbClient dynamo;
  public final String paymentsTable;
  public final String idempotencyTable;
  private final DynamoDbEngine engine;

  public LocalPayments(DynamoDbEngine engine) {
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
    this.paymentsTable = "payments-" + n;
    this.idempotencyTable = "idempotency-" + n;
    create(paymentsTable, List.of("pk", "sk"));
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

  /** What the template gives a payments function, pointed at the engine. */
  public Environment environment() {
    return Environment.of(variables());
  }

  /**
   * The variables, with the local provider and retries that do not wait (the backoff's own values
   * are unit-tested); the circuit breaker keeps its defaults.
   */
  public Map<String, String> variables() {
    Map<String, String> variables = new HashMap<>();
    variables.put("AWS_REGION", "us-east-1");
    variables.put("AWS_ACCESS_KEY_ID", "local");
    variables.put("AWS_SECRET_ACCESS_KEY", "local");
    variables.put("AWS_ENDPOINT_URL", engine.endpoint().toString());
    variables.put("PAYMENTS_TABLE", paymentsTable);
    variables.put("IDEMPOTENCY_TABLE", idempotencyTable);
    variables.put("PAYMENT_PROVIDER", "local");
    variables.put("PAYMENT_RETRY_INITIAL_WAIT_MS", "0");
    variables.put("PAYMENT_RETRY_MAX_WAIT_MS", "0");
    // A small breaker window, so that tests open the circuit in a few calls.
    variables.put("PAYMENT_BREAKER_MINIMUM_CALLS", "5");
    variables.put("PAYMENT_BREAKER_WINDOW", "10");
    return variables;
  }

  public DynamoDbPaymentRepository repository(Clock clock) {
    return new DynamoDbPaymentRepository(
        dynamo,
        paymentsTable,
        TransactionalIdempotency.builder(dynamo, idempotencyTable).clock(clock).build());
  }

  /** The outbox items of the table (pk {@code OUTBOX#...}), in no particular order. */
  public List<Map<String, AttributeValue>> outbox() {
    return dynamo.scan(b -> b.tableName(paymentsTable)).items().stream()
        .filter(item -> item.get("pk").s().startsWith("OUTBOX#"))
        .toList();
  }
}
