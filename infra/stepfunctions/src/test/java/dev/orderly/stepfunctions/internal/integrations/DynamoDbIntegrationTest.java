package dev.orderly.stepfunctions.internal.integrations;

import static dev.orderly.stepfunctions.internal.integrations.LocalClients.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderly.dynamodb.DynamoDbEngineExtension;
import dev.orderly.stepfunctions.LambdaFunctions;
import dev.orderly.stepfunctions.internal.StatesException;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** The optimised DynamoDB integration through the SDK against the in-process engine. */
class DynamoDbIntegrationTest {
  @RegisterExtension static final DynamoDbEngineExtension ENGINE = new DynamoDbEngineExtension();
  private static final String PUT = "arn:aws:states:::dynamodb:putItem";
  private static final String GET = "arn:aws:states:::dynamodb:getItem";
  private static final String UPDATE = "arn:aws:states:::dynamodb:updateItem";
  private static final String DELETE = "arn:aws:states:::dynamodb:deleteItem";
  private static DynamoDbClient dynamo;
  private static ServiceIntegrations tasks;

  @BeforeAll
  static void createTable() {
    dynamo = LocalClients.dynamoDb(ENGINE.engine().endpoint());
    dynamo.createTable(
        CreateTableRequest.builder()
            .tableName("orders")
            .billingMode(BillingMode.PAY_PER_REQUEST)
            .attributeDefinitions(
                AttributeDefinition.builder()
                    .attributeName("pk")
                    .attributeType(ScalarAttributeType.S)
                    .build())
            .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
            .build());
    tasks = ServiceIntegrations.builder(LambdaFunctions.of(Map.of())).dynamoDb(dynamo).build();
  }

  @AfterAll
  static void closeClient() {
    dynamo.close();
  }

  private static JsonNode key(String pk) {
    return json("{'TableName': 'orders', 'Key': {'pk': {'S': '" + pk + "'}}}");
  }

  @Test
  void putItem_thenGetItem_returnsTheItemWithTheSdkMetadata() {
    JsonNode put =
        tasks.invoke(
            PUT,
            json(
                "{'TableName': 'orders',"
                    + " 'Item': {'pk': {'S': 'o-1'}, 'status': {'S': 'NEW'}, 'total': {'N': '42'}}}"));
    JsonNode got = tasks.invoke(GET, key("o-1"));

    assertThat(put.has("Attributes")).isFalse();
    assertThat(put.at("/SdkHttpMetadata/HttpStatusCode").intValue()).isEqualTo(200);
    assertThat(got.get("Item"))
        .isEqualTo(json("{'pk': {'S': 'o-1'}, 'status': {'S': 'NEW'}, 'total': {'N': '42'}}"));
    assertThat(got.at("/SdkHttpMetadata/HttpStatusCode").intValue()).isEqualTo(200);
    assertThat(got.at("/SdkResponseMetadata/RequestId").asText()).isNotBlank();
  }

  @Test
  void getItem_ofAMissingItem_hasNoItem() {
    JsonNode got = tasks.invoke(GET, key("never-written"));

    assertThat(got.has("Item")).isFalse();
    assertThat(got.has("SdkHttpMetadata")).isTrue();
  }

  @Test
  void conditionalPut_onAnExistingItem_failsWithConditionalCheckFailed() {
    JsonNode claim =
        json(
            "{'TableName': 'orders', 'Item': {'pk': {'S': 'o-2'}},"
                + " 'ConditionExpression': 'attribute_not_exists(#pk)',"
                + " 'ExpressionAttributeNames': {'#pk': 'pk'}}");
    tasks.invoke(PUT, claim);

    Throwable thrown = catchThrowable(() -> tasks.invoke(PUT, claim));

    assertThat(thrown).isInstanceOf(StatesException.class);
    StatesException failure = (StatesException) thrown;
    assertThat(failure.error()).isEqualTo("DynamoDB.ConditionalCheckFailedException");
    assertThat(failure.cause())
        .startsWith("The conditional request failed (Service: DynamoDb, Status Code: 400");
  }

  @Test
  void updateItem_returnsTheAttributesReturnValuesAsksFor() {
    tasks.invoke(
        PUT, json("{'TableName': 'orders', 'Item': {'pk': {'S': 'o-3'}, 'attempts': {'N': '1'}}}"));

    JsonNode updated =
        tasks.invoke(
            UPDATE,
            json(
                "{'TableName': 'orders', 'Key': {'pk': {'S': 'o-3'}},"
                    + " 'UpdateExpression': 'SET #status = :paid ADD attempts :one',"
                    + " 'ConditionExpression': 'attempts = :one',"
                    + " 'ExpressionAttributeNames': {'#status': 'status'},"
                    + " 'ExpressionAttributeValues': {':paid': {'S': 'PAID'}, ':one': {'N': '1'}},"
                    + " 'ReturnValues': 'ALL_NEW'}"));

    assertThat(updated.get("Attributes"))
        .isEqualTo(json("{'pk': {'S': 'o-3'}, 'attempts': {'N': '2'}, 'status': {'S': 'PAID'}}"));
  }

  @Test
  void updateItem_withUpdatedOld_returnsOnlyTheOldValuesOfChangedAttributes() {
    tasks.invoke(
        PUT, json("{'TableName': 'orders', 'Item': {'pk': {'S': 'o-4'}, 'status': {'S': 'NEW'}}}"));

    JsonNode updated =
        tasks.invoke(
            UPDATE,
            json(
                "{'TableName': 'orders', 'Key': {'pk': {'S': 'o-4'}},"
                    + " 'UpdateExpression': 'SET #status = :shipped',"
                    + " 'ExpressionAttributeNames': {'#status': 'status'},"
                    + " 'ExpressionAttributeValues': {':shipped': {'S': 'SHIPPED'}},"
                    + " 'ReturnValues': 'UPDATED_OLD'}"));

    assertThat(updated.get("Attributes")).isEqualTo(json("{'status': {'S': 'NEW'}}"));
  }

  @Test
  void deleteItem_returnsTheOldItemAndRemovesIt() {
    tasks.invoke(
        PUT, json("{'TableName': 'orders', 'Item': {'pk': {'S': 'o-5'}, 'sku': {'S': 'A'}}}"));
    ObjectNode delete = (ObjectNode) key("o-5");
    delete.put("ReturnValues", "ALL_OLD");

    JsonNode deleted = tasks.invoke(DELETE, delete);

    assertThat(deleted.get("Attributes"))
        .isEqualTo(json("{'pk': {'S': 'o-5'}, 'sku': {'S': 'A'}}"));
    assertThat(tasks.invoke(GET, key("o-5")).has("Item")).isFalse();
  }

  @Test
  void everyAttributeType_roundTripsThroughTheTable() {
    String attributes =
        "'s': {'S': 'text'}, 'n': {'N': '-1.25'}, 'b': {'B': 'AAEC/w=='},"
            + " 'yes': {'BOOL': true}, 'nothing': {'NULL': true},"
            + " 'm': {'M': {'inner': {'L': [{'S': 'x'}, {'N': '1'}, {'M': {}}]}}},"
            + " 'l': {'L': [{'BOOL': false}, {'NULL': true}]},"
            + " 'ss': {'SS': ['a', 'b']}, 'ns': {'NS': ['1', '2']}, 'bs': {'BS': ['AA==', 'AQ==']}";
    tasks.invoke(
        PUT, json("{'TableName': 'orders', 'Item': {'pk': {'S': 'o-6'}, " + attributes + "}}"));

    JsonNode item = tasks.invoke(GET, key("o-6")).get("Item");

    JsonNode expected = json("{'pk': {'S': 'o-6'}, " + attributes + "}");
    assertThat(item.size()).isEqualTo(expected.size());
    expected
        .fields()
        .forEachRemaining(
            e -> {
              JsonNode actual = item.get(e.getKey());
              String type = e.getValue().fieldNames().next();
              if (Set.of("SS", "NS", "BS").contains(type)) {
                // Sets have no order.
                assertThat(actual.get(type))
                    .as(e.getKey())
                    .containsExactlyInAnyOrderElementsOf(e.getValue().get(type));
              } else {
                assertThat(actual).as(e.getKey()).isEqualTo(e.getValue());
              }
            });
  }

  @Test
  void missingTable_failsWithResourceNotFound() {
    Throwable thrown =
        catchThrowable(
            () ->
                tasks.invoke(
                    GET, json("{'TableName': 'no-such-table', 'Key': {'pk': {'S': 'x'}}}")));

    assertThat(thrown).isInstanceOf(StatesException.class);
    assertThat(((StatesException) thrown).error()).isEqualTo("DynamoDB.ResourceNotFoundException");
  }

  @Test
  void invalidParameters_failAsARuntimeErrorBeforeAnyCall() {
    Throwable badValue =
        catchThrowable(
            () ->
                tasks.invoke(
                    PUT,
                    json("{'TableName': 'orders', 'Item': {'pk': {'S': 'x'}, 'n': {'N': []}}}")));
    Throwable legacy =
        catchThrowable(
            () ->
                tasks.invoke(
                    GET,
                    json(
                        "{'TableName': 'orders', 'Key': {'pk': {'S': 'x'}},"
                            + " 'AttributesToGet': ['pk']}")));

    assertThat(badValue)
        .isInstanceOf(StatesException.class)
        .hasMessageContaining("The value for the field 'Item' is invalid")
        .hasMessageContaining("N values must be numbers in strings");
    assertThat(((StatesException) badValue).error()).isEqualTo(StatesException.RUNTIME);
    assertThat(legacy)
        .isInstanceOf(StatesException.class)
        .hasMessageContaining("The field \"AttributesToGet\" is not supported by Step Functions");
  }
}
