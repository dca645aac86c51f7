package dev.orderly.stepfunctions.internal.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * DynamoDB attribute values between their wire JSON ({@code {"S": "a"}}, {@code {"N": "1"}}, {@code
 * {"B": "<base64>"}}, {@code {"BOOL": true}}, {@code {"NULL": true}}, {@code {"M": {...}}}, {@code
 * {"L": [...]}}, {@code {"SS": [...]}}, {@code {"NS": [...]}}, {@code {"BS": [...]}}) and the SDK's
 * {@link AttributeValue}, as the DynamoDB API reference defines them
 * (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_AttributeValue.html). A value
 * that is not one of these fails with an {@link IllegalArgumentException} naming the problem.
 */
final class AttributeValues {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private AttributeValues() {}

  static Map<String, AttributeValue> toSdkMap(JsonNode json) {
    if (!json.isObject()) {
      throw new IllegalArgumentException("Expected a map of attribute values, got " + json);
    }
    Map<String, AttributeValue> values = new LinkedHashMap<>();
    json.fields().forEachRemaining(e -> values.put(e.getKey(), toSdk(e.getValue())));
    return values;
  }

  static AttributeValue toSdk(JsonNode json) {
    if (!json.isObject() || json.size() != 1) {
      throw new IllegalArgumentException(
          "An attribute value is an object with exactly one type key, got " + json);
    }
    Map.Entry<String, JsonNode> only = json.fields().next();
    JsonNode value = only.getValue();
    switch (only.getKey()) {
      case "S":
        return AttributeValue.fromS(string(value, "S"));
      case "N":
        return AttributeValue.fromN(number(value));
      case "B":
        return AttributeValue.fromB(bytes(value));
      case "BOOL":
        if (!value.isBoolean()) {
          throw new IllegalArgumentException("BOOL must be true or false, got " + value);
        }
        return AttributeValue.fromBool(value.booleanValue());
      case "NULL":
        if (!value.isBoolean() || !value.booleanValue()) {
          throw new IllegalArgumentException("NULL must be true, got " + value);
        }
        return AttributeValue.fromNul(true);
      case "M":
        return AttributeValue.fromM(toSdkMap(value));
      case "L":
        return AttributeValue.fromL(list(value, "L", AttributeValues::toSdk));
      case "SS":
        return AttributeValue.fromSs(list(value, "SS", item -> string(item, "SS")));
      case "NS":
        return AttributeValue.fromNs(list(value, "NS", AttributeValues::number));
      case "BS":
        return AttributeValue.fromBs(list(value, "BS", AttributeValues::bytes));
      default:
        throw new IllegalArgumentException("Unknown attribute value type " + only.getKey());
    }
  }

  static ObjectNode toJsonMap(Map<String, AttributeValue> values) {
    ObjectNode json = NODES.objectNode();
    values.forEach((name, value) -> json.set(name, toJson(value)));
    return json;
  }

  static ObjectNode toJson(AttributeValue value) {
    ObjectNode json = NODES.objectNode();
    switch (value.type()) {
      case S:
        return json.put("S", value.s());
      case N:
        return json.put("N", value.n());
      case B:
        return json.put("B", base64(value.b()));
      case BOOL:
        return json.put("BOOL", value.bool());
      case NUL:
        return json.put("NULL", true);
      case M:
        return json.set("M", toJsonMap(value.m()));
      case L:
        ArrayNode list = json.putArray("L");
        value.l().forEach(item -> list.add(toJson(item)));
        return json;
      case SS:
        ArrayNode strings = json.putArray("SS");
        value.ss().forEach(strings::add);
        return json;
      case NS:
        ArrayNode numbers = json.putArray("NS");
        value.ns().forEach(numbers::add);
        return json;
      case BS:
        ArrayNode binaries = json.putArray("BS");
        value.bs().forEach(b -> binaries.add(base64(b)));
        return json;
      default:
        throw new IllegalArgumentException("Attribute value of an unknown type: " + value);
    }
  }

  private static String string(JsonNode value, String type) {
    if (!value.isTextual()) {
      throw new IllegalArgumentException(type + " values must be strings, got " + value);
    }
    return value.textValue();
  }

  /** A number as DynamoDB sends it, a string; a JSON number is taken as its plain decimal text. */
  private static String number(JsonNode value) {
    if (value.isTextual()) {
      return value.textValue();
    }
    if (value.isNumber()) {
      return value.decimalValue().stripTrailingZeros().toPlainString();
    }
    throw new IllegalArgumentException("N values must be numbers in strings, got " + value);
  }

  private static SdkBytes bytes(JsonNode value) {
    String text = string(value, "B");
    try {
      return SdkBytes.fromByteArray(Base64.getDecoder().decode(text));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("B values must be base64, got " + value, e);
    }
  }

  private static String base64(SdkBytes bytes) {
    return Base64.getEncoder().encodeToString(bytes.asByteArrayUnsafe());
  }

  private static <T> List<T> list(JsonNode value, String type, Function<JsonNode, T> item) {
    if (!value.isArray()) {
      throw new IllegalArgumentException(type + " must be an array, got " + value);
    }
    List<T> items = new ArrayList<>(value.size());
    for (Iterator<JsonNode> elements = value.elements(); elements.hasNext(); ) {
      items.add(item.apply(elements.next()));
    }
    return items;
  }
}
