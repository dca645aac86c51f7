package dev.orderly.users;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import dev.orderly.dynamodb.DynamoDbEngine;
import dev.orderly.lambda.config.Environment;
import dev.orderly.users.handler.GetUserHandler;
import dev.orderly.users.handler.RegisterUserHandler;
import dev.orderly.users.handler.UpdateUserHandler;
import dev.orderly.users.wiring.DaggerGetUserComponent;
import dev.orderly.users.wiring.DaggerRegisterUserComponent;
import dev.orderly.users.wiring.DaggerUpdateUserComponent;
import dev.orderly.users.wiring.SourcesModule;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
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
 * A users deployment on the in-process DynamoDB engine: fresh tables per instance, the functions'
 * environment pointing at the engine, handlers built through their real Dagger components.
 */
public final class LocalUsers {
  public static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");
  private static final AtomicInteger TABLES = new AtomicInteger();

  public final DynamoDbClient dynamo;
  public final String usersTable;
  public final String idempotencyTable;
  private final Environment environment;
  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

  public LocalUsers(DynamoDbEngine engine) {
    int n = TABLES.incrementAndGet();
    this.usersTable = "users-" + n;
    this.idempotencyTable = "idempotency-" + n;
    this.dynamo = client(engine);
    createTable(dynamo, usersTable, "pk", "sk");
    createTable(dynamo, idempotencyTable, "pk", null);
    Map<String, String> env = new HashMap<>();
    env.put("AWS_REGION", "us-east-1");
    env.put("AWS_ACCESS_KEY_ID", "local");
    env.put("AWS_SECRET_ACCESS_KEY", "local");
    env.put("AWS_ENDPOINT_URL", engine.endpoint().toString());
    env.put("USERS_TABLE", usersTable);
    env.put("IDEMPOTENCY_TABLE", idempotencyTable);
    this.environment = Environment.of(env);
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

  public static void createTable(DynamoDbClient dynamo, String name, String hash, String range) {
    dynamo.createTable(
        b -> {
          b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST);
          if (range == null) {
            b.attributeDefinitions(attribute(hash)).keySchema(key(hash, KeyType.HASH));
          } else {
            b.attributeDefinitions(attribute(hash), attribute(range))
                .keySchema(key(hash, KeyType.HASH), key(range, KeyType.RANGE));
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

  public RegisterUserHandler registerHandler() {
    return new RegisterUserHandler(
        DaggerRegisterUserComponent.builder()
            .environment(environment)
            .sourcesModule(new SourcesModule(clock))
            .build());
  }

  /** A register handler whose new user ids come from {@code ids} instead of random UUIDs. */
  public RegisterUserHandler registerHandler(Supplier<String> ids) {
    return new RegisterUserHandler(
        DaggerRegisterUserComponent.builder()
            .environment(environment)
            .sourcesModule(new SourcesModule(clock, ids))
            .build());
  }

  public GetUserHandler getHandler() {
    return new GetUserHandler(
        DaggerGetUserComponent.builder()
            .environment(environment)
            .sourcesModule(new SourcesModule(clock))
            .build());
  }

  public UpdateUserHandler updateHandler() {
    return new UpdateUserHandler(
        DaggerUpdateUserComponent.builder()
            .environment(environment)
            .sourcesModule(new SourcesModule(clock))
            .build());
  }

  /** An API Gateway v2 request from {@code src/test/resources/events/<name>.json}. */
  public static APIGatewayV2HTTPEvent event(String name) {
    return EventLoader.loadApiGatewayHttpEvent("events/" + name + ".json");
  }

  /** The request of {@code name}, addressed to the user {@code userId}. */
  public static APIGatewayV2HTTPEvent event(String name, String userId) {
    APIGatewayV2HTTPEvent event = event(name);
    event.setPathParameters(Map.of("id", userId));
    event.setRawPath("/users/" + userId);
    return event;
  }

  /** Every item of the users table whose pk starts with {@code prefix}. */
  public List<Map<String, AttributeValue>> items(String prefix) {
    return dynamo.scan(b -> b.tableName(usersTable)).items().stream()
        .filter(item -> item.get("pk").s().startsWith(prefix))
        .toList();
  }
}
