package dev.orderly.stepfunctions.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.orderly.dynamodb.DynamoDbEngineExtension;
import dev.orderly.stepfunctions.ExecutionOutcome;
import dev.orderly.stepfunctions.LambdaFunctionException;
import dev.orderly.stepfunctions.LambdaFunctionRegistry;
import dev.orderly.stepfunctions.StepFunctionsEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The engine as the local cloud builds it: registered in-process functions and the optimised
 * DynamoDB integration on the engine's own client, with Retry and Catch seeing the integrations'
 * error names.
 */
class EngineWithIntegrationsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension static final DynamoDbEngineExtension DYNAMO = new DynamoDbEngineExtension();

  private static StepFunctionsEngine sfn;

  @BeforeAll
  static void start() {
    try (DynamoDbClient dynamo =
        DynamoDbClient.builder()
            .endpointOverride(DYNAMO.engine().endpoint())
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
            .httpClient(UrlConnectionHttpClient.create())
            .build()) {
      dynamo.createTable(
          CreateTableRequest.builder()
              .tableName("orders")
              .billingMode(BillingMode.PAY_PER_REQUEST)
              .attributeDefinitions(
                  AttributeDefinition.builder()
                      .attributeName("pk")
                      .attributeType(ScalarAttributeType.S)
                      .build())
              .keySchema(
                  KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
              .build());
    }
    LambdaFunctionRegistry functions =
        new LambdaFunctionRegistry()
            .register(
                "price",
                payload ->
                    JsonNodeFactory.instance
                        .objectNode()
                        .put("total", payload.path("qty").asInt() * 250))
            .register(
                "reserve",
                payload -> {
                  throw new LambdaFunctionException("OutOfStock", "sku-1 has 0 left");
                });
    sfn =
        StepFunctionsEngine.builder()
            .port(0)
            .lambdas(functions)
            .dynamoDbEndpoint(DYNAMO.engine().endpoint())
            .start();
  }

  @AfterAll
  static void stop() {
    sfn.close();
  }

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ExecutionOutcome run(String name, String definition, String input) {
    String machine = sfn.createStateMachine(name, definition);
    String execution = sfn.startExecution(machine, "e-1", input);
    return sfn.awaitExecution(execution, Duration.ofSeconds(10));
  }

  @Test
  void lambdaInvokeThenAConditionalPutThatCatchesItsOwnDuplicate() {
    String definition =
        """
        {"StartAt": "Price", "States": {
          "Price": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
            "Parameters": {"FunctionName": "price", "Payload": {"qty.$": "$.qty"}},
            "ResultSelector": {"total.$": "$.Payload.total"}, "ResultPath": "$.price", "Next": "Save"},
          "Save": {"Type": "Task", "Resource": "arn:aws:states:::dynamodb:putItem",
            "Parameters": {"TableName": "orders", "Item": {"pk": {"S.$": "$.id"},
              "total": {"N.$": "States.Format('{}', $.price.total)"}},
              "ConditionExpression": "attribute_not_exists(pk)"},
            "ResultPath": null, "Next": "SaveAgain"},
          "SaveAgain": {"Type": "Task", "Resource": "arn:aws:states:::dynamodb:putItem",
            "Parameters": {"TableName": "orders", "Item": {"pk": {"S.$": "$.id"}},
              "ConditionExpression": "attribute_not_exists(pk)"},
            "Catch": [{"ErrorEquals": ["DynamoDB.ConditionalCheckFailedException"],
              "ResultPath": "$.duplicate", "Next": "Read"}], "Next": "Read"},
          "Read": {"Type": "Task", "Resource": "arn:aws:states:::dynamodb:getItem",
            "Parameters": {"TableName": "orders", "Key": {"pk": {"S.$": "$.id"}}},
            "ResultSelector": {"total.$": "$.Item.total.N"}, "ResultPath": "$.stored", "End": true}}}
        """;

    ExecutionOutcome outcome = run("price-and-save", definition, "{\"id\": \"o-1\", \"qty\": 3}");

    assertThat(outcome.succeeded()).as("%s: %s", outcome.error(), outcome.cause()).isTrue();
    JsonNode output = json(outcome.output());
    assertThat(output.at("/price/total").asInt()).isEqualTo(750);
    assertThat(output.at("/stored/total").asText()).isEqualTo("750");
    assertThat(output.at("/duplicate/Error").asText())
        .isEqualTo("DynamoDB.ConditionalCheckFailedException");
  }

  @Test
  void aFunctionsTypedErrorIsCaughtByName_andAMissingFunctionFailsAsLambdaReportsIt() {
    ExecutionOutcome caught =
        run(
            "typed-error",
            """
            {"StartAt": "Reserve", "States": {
              "Reserve": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:000000000000:function:reserve",
                "Catch": [{"ErrorEquals": ["OutOfStock"], "ResultPath": "$.error", "Next": "Cancelled"}],
                "End": true},
              "Cancelled": {"Type": "Pass", "End": true}}}
            """,
            "{}");
    assertThat(json(caught.output()).at("/error/Error").asText()).isEqualTo("OutOfStock");
    assertThat(
            json(json(caught.output()).at("/error/Cause").asText()).path("errorMessage").asText())
        .isEqualTo("sku-1 has 0 left");

    ExecutionOutcome missing =
        run(
            "missing-function",
            """
            {"StartAt": "Ghost", "States": {
              "Ghost": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:000000000000:function:ghost",
                "End": true}}}
            """,
            "{}");
    assertThat(missing.status()).isEqualTo("FAILED");
    assertThat(missing.error()).isEqualTo("Lambda.ResourceNotFoundException");
    assertThat(missing.cause()).contains("Function not found");
  }
}
