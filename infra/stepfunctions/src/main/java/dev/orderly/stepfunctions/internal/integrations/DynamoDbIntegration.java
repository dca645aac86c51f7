package dev.orderly.stepfunctions.internal.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * The optimised DynamoDB integration: {@code getItem}, {@code putItem}, {@code updateItem} and
 * {@code deleteItem}, the only four it offers ("Perform DynamoDB CRUD operations with Step
 * Functions", https://docs.aws.amazon.com/step-functions/latest/dg/connect-ddb.html). Parameters
 * are the API request in its JSON form and the result is the API response in its JSON form ({@code
 * Item}, {@code Attributes}, {@code ConsumedCapacity}, {@code ItemCollectionMetrics}) with the SDK
 * metadata; errors are {@code DynamoDB.<Name>}, such as {@code
 * DynamoDB.ConditionalCheckFailedException}.
 */
final class DynamoDbIntegration {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Set<String> GET =
      Set.of(
          "TableName",
          "Key",
          "ConsistentRead",
          "ProjectionExpression",
          "ExpressionAttributeNames",
          "ReturnConsumedCapacity");
  private static final Set<String> WRITE =
      Set.of(
          "TableName",
          "ConditionExpression",
          "ExpressionAttributeNames",
          "ExpressionAttributeValues",
          "ReturnValues",
          "ReturnConsumedCapacity",
          "ReturnItemCollectionMetrics",
          "ReturnValuesOnConditionCheckFailure");
  private static final Set<String> PUT = with(WRITE, "Item");
  private static final Set<String> UPDATE = with(WRITE, "Key", "UpdateExpression");
  private static final Set<String> DELETE = with(WRITE, "Key");

  private final DynamoDbClient dynamo;

  DynamoDbIntegration(DynamoDbClient dynamo) {
    this.dynamo = dynamo;
  }

  /** Whether {@code action} is one of the optimised integration's API actions. */
  static boolean supports(String action) {
    return Set.of("getItem", "putItem", "updateItem", "deleteItem").contains(action);
  }

  JsonNode call(String action, JsonNode input) {
    switch (action) {
      case "getItem":
        return getItem(Parameters.of(input, GET));
      case "putItem":
        return putItem(Parameters.of(input, PUT));
      case "updateItem":
        return updateItem(Parameters.of(input, UPDATE));
      case "deleteItem":
        return deleteItem(Parameters.of(input, DELETE));
      default:
        throw new IllegalArgumentException("Not an optimised DynamoDB action: " + action);
    }
  }

  private JsonNode getItem(Parameters p) {
    GetItemRequest.Builder request =
        GetItemRequest.builder().tableName(p.text("TableName")).key(item(p, "Key"));
    p.optionalBoolean("ConsistentRead").ifPresent(request::consistentRead);
    p.optionalText("ProjectionExpression").ifPresent(request::projectionExpression);
    if (p.has("ExpressionAttributeNames")) {
      request.expressionAttributeNames(names(p));
    }
    p.optionalText("ReturnConsumedCapacity").ifPresent(request::returnConsumedCapacity);
    GetItemResponse response = send(dynamo::getItem, request.build());
    ObjectNode result = NODES.objectNode();
    if (response.hasItem()) {
      result.set("Item", AttributeValues.toJsonMap(response.item()));
    }
    return DynamoDbResults.finish(result, response.consumedCapacity(), null, response);
  }

  private JsonNode putItem(Parameters p) {
    PutItemRequest.Builder request =
        PutItemRequest.builder().tableName(p.text("TableName")).item(item(p, "Item"));
    p.optionalText("ConditionExpression").ifPresent(request::conditionExpression);
    if (p.has("ExpressionAttributeNames")) {
      request.expressionAttributeNames(names(p));
    }
    if (p.has("ExpressionAttributeValues")) {
      request.expressionAttributeValues(item(p, "ExpressionAttributeValues"));
    }
    p.optionalText("ReturnValues").ifPresent(request::returnValues);
    p.optionalText("ReturnConsumedCapacity").ifPresent(request::returnConsumedCapacity);
    p.optionalText("ReturnItemCollectionMetrics").ifPresent(request::returnItemCollectionMetrics);
    p.optionalText("ReturnValuesOnConditionCheckFailure")
        .ifPresent(request::returnValuesOnConditionCheckFailure);
    PutItemResponse response = send(dynamo::putItem, request.build());
    return DynamoDbResults.written(
        response.hasAttributes() ? response.attributes() : null,
        response.consumedCapacity(),
        response.itemCollectionMetrics(),
        response);
  }

  private JsonNode updateItem(Parameters p) {
    UpdateItemRequest.Builder request =
        UpdateItemRequest.builder()
            .tableName(p.text("TableName"))
            .key(item(p, "Key"))
            .updateExpression(p.text("UpdateExpression"));
    p.optionalText("ConditionExpression").ifPresent(request::conditionExpression);
    if (p.has("ExpressionAttributeNames")) {
      request.expressionAttributeNames(names(p));
    }
    if (p.has("ExpressionAttributeValues")) {
      request.expressionAttributeValues(item(p, "ExpressionAttributeValues"));
    }
    p.optionalText("ReturnValues").ifPresent(request::returnValues);
    p.optionalText("ReturnConsumedCapacity").ifPresent(request::returnConsumedCapacity);
    p.optionalText("ReturnItemCollectionMetrics").ifPresent(request::returnItemCollectionMetrics);
    p.optionalText("ReturnValuesOnConditionCheckFailure")
        .ifPresent(request::returnValuesOnConditionCheckFailure);
    UpdateItemResponse response = send(dynamo::updateItem, request.build());
    return DynamoDbResults.written(
        response.hasAttributes() ? response.attributes() : null,
        response.consumedCapacity(),
        response.itemCollectionMetrics(),
        response);
  }

  private JsonNode deleteItem(Parameters p) {
    DeleteItemRequest.Builder request =
        DeleteItemRequest.builder().tableName(p.text("TableName")).key(item(p, "Key"));
    p.optionalText("ConditionExpression").ifPresent(request::conditionExpression);
    if (p.has("ExpressionAttributeNames")) {
      request.expressionAttributeNames(names(p));
    }
    if (p.has("ExpressionAttributeValues")) {
      request.expressionAttributeValues(item(p, "ExpressionAttributeValues"));
    }
    p.optionalText("ReturnValues").ifPresent(request::returnValues);
    p.optionalText("ReturnConsumedCapacity").ifPresent(request::returnConsumedCapacity);
    p.optionalText("ReturnItemCollectionMetrics").ifPresent(request::returnItemCollectionMetrics);
    p.optionalText("ReturnValuesOnConditionCheckFailure")
        .ifPresent(request::returnValuesOnConditionCheckFailure);
    DeleteItemResponse response = send(dynamo::deleteItem, request.build());
    return DynamoDbResults.written(
        response.hasAttributes() ? response.attributes() : null,
        response.consumedCapacity(),
        response.itemCollectionMetrics(),
        response);
  }

  private static <Q, R> R send(Function<Q, R> call, Q request) {
    try {
      return call.apply(request);
    } catch (SdkException failure) {
      throw ServiceErrors.of("DynamoDB", failure, DynamoDbException.class);
    }
  }

  private static Map<String, AttributeValue> item(Parameters p, String field) {
    try {
      return AttributeValues.toSdkMap(p.object(field));
    } catch (IllegalArgumentException e) {
      throw p.invalid("The value for the field '" + field + "' is invalid: " + e.getMessage());
    }
  }

  private static Map<String, String> names(Parameters p) {
    Map<String, String> names = new LinkedHashMap<>();
    p.object("ExpressionAttributeNames")
        .fields()
        .forEachRemaining(
            e -> {
              if (!e.getValue().isTextual()) {
                throw p.invalid("ExpressionAttributeNames values must be strings");
              }
              names.put(e.getKey(), e.getValue().textValue());
            });
    return names;
  }

  private static Set<String> with(Set<String> common, String... more) {
    Set<String> all = new HashSet<>(common);
    all.addAll(List.of(more));
    return Set.copyOf(all);
  }
}
