package dev.orderly.dynamodb.internal.value;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderly.dynamodb.internal.error.DynamoDbException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and writes attribute values in DynamoDB's JSON wire format, validating as DynamoDB does.
 */
public final class ValueJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ValueJson() {}

  /** Reads an item or key map; {@code null} or JSON null gives {@code null}. */
  public static Map<String, AttributeValue> readItem(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isObject()) {
      throw serialization("Unexpected value type in payload");
    }
    Map<String, AttributeValue> item = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      item.put(field.getKey(), read(field.getValue()));
    }
    return item;
  }

  public static AttributeValue read(JsonNode node) {
    if (node == null || !node.isObject()) {
      throw serialization("Unexpected value type in payload");
    }
    int types = 0;
    AttributeValue result = null;
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (field.getValue().isNull()) {
        continue;
      }
      types++;
      AttributeValue value = readTyped(field.getKey(), field.getValue());
      if (result == null) {
        result = value;
      }
    }
    if (types == 0) {
      throw DynamoDbException.validation(
          "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
    }
    if (types > 1) {
      throw DynamoDbException.validation(
          "Supplied AttributeValue has more than one datatypes set, must contain exactly one of"
              + " the supported datatypes");
    }
    return result;
  }

  private static AttributeValue readTyped(String type, JsonNode v) {
    switch (type) {
      case "S":
        return new AttributeValue.S(text(v));
      case "N":
        return new AttributeValue.N(Numbers.parse(text(v)));
      case "B":
        return new AttributeValue.B(bytes(v));
      case "BOOL":
        if (!v.isBoolean()) {
          throw serialization("Unexpected value type in payload");
        }
        return v.booleanValue() ? AttributeValue.Bool.TRUE : AttributeValue.Bool.FALSE;
      case "NULL":
        if (!v.isBoolean()) {
          throw serialization("Unexpected value type in payload");
        }
        if (!v.booleanValue()) {
          throw DynamoDbException.validation(
              "One or more parameter values were invalid: Null attribute value types must have"
                  + " the value of true");
        }
        return AttributeValue.Null.INSTANCE;
      case "M":
        {
          Map<String, AttributeValue> map = readItem(v);
          return new AttributeValue.M(map);
        }
      case "L":
        {
          List<AttributeValue> list = new ArrayList<>();
          for (JsonNode element : array(v)) {
            list.add(read(element));
          }
          return new AttributeValue.L(list);
        }
      case "SS":
        return new AttributeValue.SS(stringSet(v));
      case "NS":
        return new AttributeValue.NS(numberSet(v));
      case "BS":
        return new AttributeValue.BS(binarySet(v));
      default:
        throw serialization("Unknown attribute value type: " + type);
    }
  }

  private static Set<String> stringSet(JsonNode v) {
    ArrayNode array = array(v);
    if (array.isEmpty()) {
      throw DynamoDbException.validation(
          "One or more parameter values were invalid: An string set  may not be empty");
    }
    Set<String> set = new LinkedHashSet<>();
    List<String> all = new ArrayList<>();
    for (JsonNode element : array) {
      String s = text(element);
      all.add(s);
      set.add(s);
    }
    if (set.size() != all.size()) {
      throw DynamoDbException.validation(
          "One or more parameter values were invalid: Input collection "
              + "["
              + String.join(", ", all)
              + "]"
              + " contains duplicates.");
    }
    return set;
  }

  private static Set<BigDecimal> numberSet(JsonNode v) {
    ArrayNode array = array(v);
    if (array.isEmpty()) {
      throw DynamoDbException.validation(
          "One or more parameter values were invalid: An number set  may not be empty");
    }
    Set<BigDecimal> set = new LinkedHashSet<>();
    for (JsonNode element : array) {
      if (!set.add(Numbers.parse(text(element)))) {
        throw DynamoDbException.validation("Input collection contains duplicates");
      }
    }
    return set;
  }

  private static Set<Bytes> binarySet(JsonNode v) {
    ArrayNode array = array(v);
    if (array.isEmpty()) {
      throw DynamoDbException.validation(
          "One or more parameter values were invalid: Binary sets should not be empty");
    }
    Set<Bytes> set = new LinkedHashSet<>();
    List<String> all = new ArrayList<>();
    for (JsonNode element : array) {
      all.add(element.asText());
      set.add(bytes(element));
    }
    if (set.size() != all.size()) {
      throw DynamoDbException.validation(
          "One or more parameter values were invalid: Input collection ["
              + String.join(", ", all)
              + "]of type BS contains duplicates.");
    }
    return set;
  }

  private static String text(JsonNode v) {
    if (!v.isTextual()) {
      throw serialization("Unexpected value type in payload");
    }
    return v.textValue();
  }

  private static Bytes bytes(JsonNode v) {
    try {
      return Bytes.fromBase64(text(v));
    } catch (IllegalArgumentException e) {
      throw serialization("Base64 encoded length is expected a multiple of 4 bytes");
    }
  }

  private static ArrayNode array(JsonNode v) {
    if (!v.isArray()) {
      throw serialization("Unexpected value type in payload");
    }
    return (ArrayNode) v;
  }

  private static DynamoDbException serialization(String message) {
    return new DynamoDbException(DynamoDbException.SERIALIZATION, message, 400);
  }

  public static ObjectNode writeItem(Map<String, AttributeValue> item) {
    ObjectNode node = NODES.objectNode();
    for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
      node.set(e.getKey(), write(e.getValue()));
    }
    return node;
  }

  public static ObjectNode write(AttributeValue value) {
    ObjectNode node = NODES.objectNode();
    if (value instanceof AttributeValue.S s) {
      node.put("S", s.value());
    } else if (value instanceof AttributeValue.N n) {
      node.put("N", Numbers.format(n.value()));
    } else if (value instanceof AttributeValue.B b) {
      node.put("B", b.value().toBase64());
    } else if (value instanceof AttributeValue.Bool b) {
      node.put("BOOL", b.value());
    } else if (value instanceof AttributeValue.Null) {
      node.put("NULL", true);
    } else if (value instanceof AttributeValue.M m) {
      node.set("M", writeItem(m.value()));
    } else if (value instanceof AttributeValue.L l) {
      ArrayNode array = node.putArray("L");
      for (AttributeValue element : l.value()) {
        array.add(write(element));
      }
    } else if (value instanceof AttributeValue.SS ss) {
      ArrayNode array = node.putArray("SS");
      ss.value().forEach(array::add);
    } else if (value instanceof AttributeValue.NS ns) {
      ArrayNode array = node.putArray("NS");
      ns.value().forEach(n -> array.add(Numbers.format(n)));
    } else if (value instanceof AttributeValue.BS bs) {
      ArrayNode array = node.putArray("BS");
      bs.value().forEach(b -> array.add(b.toBase64()));
    }
    return node;
  }
}
