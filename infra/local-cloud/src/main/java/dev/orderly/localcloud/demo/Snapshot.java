package dev.orderly.localcloud.demo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/** Every item of one table, read with consistent scans (the demo's tables are small). */
final class Snapshot {
  private Snapshot() {}

  static List<Map<String, AttributeValue>> scan(DynamoDbClient dynamo, String table) {
    return scan(dynamo, ScanRequest.builder().tableName(table));
  }

  /**
   * The {@code status} of every item whose {@code type} is {@code type}, keyed by its {@code
   * idAttribute}: a filtered, projected scan, cheap enough to poll while the demo waits.
   */
  static Map<String, String> statuses(
      DynamoDbClient dynamo, String table, String type, String idAttribute) {
    Map<String, String> statuses = new HashMap<>();
    for (Map<String, AttributeValue> item :
        scan(
            dynamo,
            ScanRequest.builder()
                .tableName(table)
                .filterExpression("#type = :type")
                .projectionExpression("#id, #status")
                .expressionAttributeNames(
                    Map.of("#type", "type", "#id", idAttribute, "#status", "status"))
                .expressionAttributeValues(Map.of(":type", AttributeValue.fromS(type))))) {
      statuses.put(s(item, idAttribute), s(item, "status"));
    }
    return statuses;
  }

  private static List<Map<String, AttributeValue>> scan(
      DynamoDbClient dynamo, ScanRequest.Builder template) {
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    Map<String, AttributeValue> start = null;
    do {
      ScanRequest.Builder request = template.copy().consistentRead(true);
      if (start != null) {
        request.exclusiveStartKey(start);
      }
      ScanResponse page = dynamo.scan(request.build());
      items.addAll(page.items());
      start =
          page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()
              ? new HashMap<>(page.lastEvaluatedKey())
              : null;
    } while (start != null);
    return items;
  }

  static String s(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null ? null : value.s();
  }

  static long n(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null || value.n() == null ? 0 : Long.parseLong(value.n());
  }
}
