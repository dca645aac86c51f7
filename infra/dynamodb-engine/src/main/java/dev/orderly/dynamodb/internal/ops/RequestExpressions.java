package dev.orderly.dynamodb.internal.ops;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderly.dynamodb.internal.error.DynamoDbException;
import dev.orderly.dynamodb.internal.expression.Condition;
import dev.orderly.dynamodb.internal.expression.ExpressionAttributes;
import dev.orderly.dynamodb.internal.expression.Expressions;
import dev.orderly.dynamodb.internal.expression.KeyCondition;
import dev.orderly.dynamodb.internal.expression.Projection;
import dev.orderly.dynamodb.internal.expression.Update;
import dev.orderly.dynamodb.internal.value.AttributeValue;
import dev.orderly.dynamodb.internal.value.ValueJson;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The expressions of one request, parsed in DynamoDB's order (update, condition, key condition,
 * filter, projection) against one set of attribute names and values, every one of which must be
 * used.
 */
final class RequestExpressions {
  final Update update;
  final Condition condition;
  final KeyCondition keyCondition;
  final Condition filter;
  final Projection projection;

  private RequestExpressions(
      Update update,
      Condition condition,
      KeyCondition keyCondition,
      Condition filter,
      Projection projection) {
    this.update = update;
    this.condition = condition;
    this.keyCondition = keyCondition;
    this.filter = filter;
    this.projection = projection;
  }

  /**
   * Parses the given expression members of a request. {@code members} lists the expression members
   * the operation accepts, in DynamoDB's order for its messages.
   */
  static RequestExpressions parse(Requests r, String... members) {
    List<String> present = new ArrayList<>();
    for (String member : members) {
      if (r.node(member) != null) {
        present.add(member);
      }
    }
    if (r.node("ExpressionAttributeNames") != null && present.isEmpty()) {
      throw DynamoDbException.validation(
          "ExpressionAttributeNames can only be specified when using expressions");
    }
    List<String> valueMembers = new ArrayList<>(List.of(members));
    valueMembers.remove("ProjectionExpression");
    if (r.node("ExpressionAttributeValues") != null
        && !valueMembers.isEmpty()
        && valueMembers.stream().allMatch(m -> r.node(m) == null)) {
      throw DynamoDbException.validation(
          "ExpressionAttributeValues can only be specified when using expressions: "
              + String.join(" and ", valueMembers)
              + (valueMembers.size() > 1 ? " are" : " is")
              + " null");
    }
    ExpressionAttributes attributes =
        ExpressionAttributes.of(r.names("ExpressionAttributeNames"), values(r));
    Update update = null;
    Condition condition = null;
    Condition keyConditionExpression = null;
    Condition filter = null;
    Projection projection = null;
    if (present.contains("UpdateExpression")) {
      update = Expressions.parseUpdate(r.string("UpdateExpression"), attributes);
    }
    if (present.contains("ConditionExpression")) {
      condition =
          Expressions.parseCondition(
              r.string("ConditionExpression"), attributes, "ConditionExpression");
    }
    if (present.contains("KeyConditionExpression")) {
      keyConditionExpression =
          Expressions.parseKeyConditionExpression(r.string("KeyConditionExpression"), attributes);
    }
    if (present.contains("FilterExpression")) {
      filter =
          Expressions.parseCondition(r.string("FilterExpression"), attributes, "FilterExpression");
    }
    if (present.contains("ProjectionExpression")) {
      projection = Expressions.parseProjection(r.string("ProjectionExpression"), attributes);
    }
    attributes.checkAllUsed();
    // DynamoDB reports unused placeholders before it reduces the key condition to key terms.
    KeyCondition keyCondition =
        keyConditionExpression == null ? null : KeyCondition.from(keyConditionExpression);
    return new RequestExpressions(update, condition, keyCondition, filter, projection);
  }

  private static Map<String, AttributeValue> values(Requests r) {
    JsonNode node = r.node("ExpressionAttributeValues");
    if (node == null) {
      return null;
    }
    Map<String, AttributeValue> values = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> e = fields.next();
      try {
        values.put(e.getKey(), ValueJson.read(e.getValue()));
      } catch (DynamoDbException invalid) {
        if (!invalid.type().equals(DynamoDbException.VALIDATION)) {
          throw invalid;
        }
        throw DynamoDbException.validation(
            "ExpressionAttributeValues contains invalid value: "
                + invalid.getMessage()
                + " for key "
                + e.getKey());
      }
    }
    return values;
  }
}
