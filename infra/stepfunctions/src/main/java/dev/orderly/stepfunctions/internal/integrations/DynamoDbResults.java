package dev.orderly.stepfunctions.internal.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import software.amazon.awssdk.awscore.AwsResponse;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Capacity;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ItemCollectionMetrics;

/** DynamoDB responses in the JSON form of the API reference, with the SDK metadata. */
final class DynamoDbResults {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private DynamoDbResults() {}

  static JsonNode written(
      Map<String, AttributeValue> attributes,
      ConsumedCapacity capacity,
      ItemCollectionMetrics metrics,
      AwsResponse response) {
    ObjectNode result = NODES.objectNode();
    if (attributes != null) {
      result.set("Attributes", AttributeValues.toJsonMap(attributes));
    }
    return finish(result, capacity, metrics, response);
  }

  static JsonNode finish(
      ObjectNode result,
      ConsumedCapacity capacity,
      ItemCollectionMetrics metrics,
      AwsResponse response) {
    if (capacity != null) {
      result.set("ConsumedCapacity", capacity(capacity));
    }
    if (metrics != null) {
      ObjectNode json = result.putObject("ItemCollectionMetrics");
      json.set("ItemCollectionKey", AttributeValues.toJsonMap(metrics.itemCollectionKey()));
      ArrayNode range = json.putArray("SizeEstimateRangeGB");
      metrics.sizeEstimateRangeGB().forEach(range::add);
    }
    return SdkMetadata.addTo(result, response);
  }

  private static ObjectNode capacity(ConsumedCapacity capacity) {
    ObjectNode json = NODES.objectNode();
    json.put("TableName", capacity.tableName());
    json.put("CapacityUnits", capacity.capacityUnits());
    if (capacity.readCapacityUnits() != null) {
      json.put("ReadCapacityUnits", capacity.readCapacityUnits());
    }
    if (capacity.writeCapacityUnits() != null) {
      json.put("WriteCapacityUnits", capacity.writeCapacityUnits());
    }
    if (capacity.table() != null) {
      json.set("Table", units(capacity.table()));
    }
    if (capacity.hasGlobalSecondaryIndexes()) {
      ObjectNode indexes = json.putObject("GlobalSecondaryIndexes");
      capacity.globalSecondaryIndexes().forEach((name, units) -> indexes.set(name, units(units)));
    }
    if (capacity.hasLocalSecondaryIndexes()) {
      ObjectNode indexes = json.putObject("LocalSecondaryIndexes");
      capacity.localSecondaryIndexes().forEach((name, units) -> indexes.set(name, units(units)));
    }
    return json;
  }

  private static ObjectNode units(Capacity capacity) {
    ObjectNode json = NODES.objectNode();
    json.put("CapacityUnits", capacity.capacityUnits());
    if (capacity.readCapacityUnits() != null) {
      json.put("ReadCapacityUnits", capacity.readCapacityUnits());
    }
    if (capacity.writeCapacityUnits() != null) {
      json.put("WriteCapacityUnits", capacity.writeCapacityUnits());
    }
    return json;
  }
}
