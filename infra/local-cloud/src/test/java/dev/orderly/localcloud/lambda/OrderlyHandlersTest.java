package dev.orderly.localcloud.lambda;

import static dev.orderly.localcloud.lambda.Json.bytes;
import static dev.orderly.localcloud.lambda.Json.read;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderly.dynamodb.DynamoDbEngineExtension;
import dev.orderly.localcloud.spi.InvokeResult;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Orderly's own users handlers, built through the no-arg constructors Lambda calls with the
 * environment the template gives them, against the in-process DynamoDB engine.
 */
class OrderlyHandlersTest {
  @RegisterExtension static final DynamoDbEngineExtension ENGINE = new DynamoDbEngineExtension();

  private LocalLambda lambda;

  @BeforeEach
  void setUp() {
    try (DynamoDbClient dynamo =
        DynamoDbClient.builder()
            .endpointOverride(ENGINE.engine().endpoint())
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
            .httpClient(UrlConnectionHttpClient.builder().build())
            .build()) {
      createTable(dynamo, "users", "pk", "sk");
      createTable(dynamo, "idempotency", "pk", null);
    }
    Map<String, String> env =
        Map.of(
            "USERS_TABLE", "users",
            "IDEMPOTENCY_TABLE", "idempotency",
            "AWS_ENDPOINT_URL_DYNAMODB", ENGINE.engine().endpoint().toString());
    lambda =
        LocalLambda.builder()
            .function(
                FunctionSpec.of(
                        "register-user",
                        "dev.orderly.users.handler.RegisterUserHandler::handleRequest")
                    .withMemoryMb(1024)
                    .withTimeout(Duration.ofSeconds(10))
                    .withEnvironment(env))
            .function(
                FunctionSpec.of(
                        "get-user", "dev.orderly.users.handler.GetUserHandler::handleRequest")
                    .withMemoryMb(1024)
                    .withTimeout(Duration.ofSeconds(10))
                    .withEnvironment(env))
            .build();
  }

  @AfterEach
  void tearDown() {
    lambda.close();
    try (DynamoDbClient dynamo =
        DynamoDbClient.builder()
            .endpointOverride(ENGINE.engine().endpoint())
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
            .httpClient(UrlConnectionHttpClient.builder().build())
            .build()) {
      dynamo.deleteTable(b -> b.tableName("users"));
      dynamo.deleteTable(b -> b.tableName("idempotency"));
    }
  }

  @Test
  void aRegisteredUser_isFoundThroughTheRealHandlers() {
    InvokeResult registered =
        lambda.invoke(
            "register-user",
            bytes(
                request(
                    "POST /users",
                    "/users",
                    null,
                    "\"{\\\"email\\\": \\\"alice@example.com\\\", \\\"name\\\": \\\"Alice\\\"}\"")));
    JsonNode created = read(registered);
    assertThat(created.get("statusCode").asInt()).as(registered.payloadUtf8()).isEqualTo(201);
    String userId = Json.read(bytes(created.get("body").asText())).get("userId").asText();

    InvokeResult found =
        lambda.invoke(
            "get-user", bytes(request("GET /users/{id}", "/users/" + userId, userId, "null")));

    JsonNode response = read(found);
    assertThat(response.get("statusCode").asInt()).as(found.payloadUtf8()).isEqualTo(200);
    JsonNode user = Json.read(bytes(response.get("body").asText()));
    assertThat(user.get("email").asText()).isEqualTo("alice@example.com");
    assertThat(user.get("name").asText()).isEqualTo("Alice");
  }

  @Test
  void anUnknownUser_is404FromTheRealHandler() {
    String unknown = "00000000-0000-4000-8000-000000000000";

    InvokeResult result =
        lambda.invoke(
            "get-user", bytes(request("GET /users/{id}", "/users/" + unknown, unknown, "null")));

    assertThat(result.failed()).as(result.payloadUtf8()).isFalse();
    JsonNode response = read(result);
    assertThat(response.get("statusCode").asInt()).isEqualTo(404);
    assertThat(Json.read(bytes(response.get("body").asText())).get("code").asText())
        .isEqualTo("NOT_FOUND");
    assertThat(lambda.stats("get-user").coldStarts()).isEqualTo(1);
  }

  private static String request(String routeKey, String path, String id, String body) {
    String method = routeKey.substring(0, routeKey.indexOf(' '));
    return """
        {"version":"2.0","routeKey":"%s","rawPath":"%s","rawQueryString":"",
         "headers":{"content-type":"application/json","x-correlation-id":"corr-1",
                    "idempotency-key":"key-register-alice"},
         "requestContext":{"accountId":"123456789012","apiId":"orderly",
           "authorizer":{"jwt":{"claims":{"sub":"auth0|user-1","tenant_id":"acme"}}},
           "http":{"method":"%s","path":"%s","protocol":"HTTP/1.1","sourceIp":"192.0.2.10"},
           "requestId":"req-1","routeKey":"%s","stage":"$default","timeEpoch":1777629600000},
         "isBase64Encoded":false,"pathParameters":%s,"body":%s}
        """
        .formatted(
            routeKey,
            path,
            method,
            path,
            routeKey,
            id == null ? "null" : "{\"id\":\"" + id + "\"}",
            body);
  }

  private static void createTable(DynamoDbClient dynamo, String name, String hash, String range) {
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
}
