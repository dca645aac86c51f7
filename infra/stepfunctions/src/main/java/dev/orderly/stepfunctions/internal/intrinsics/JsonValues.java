package dev.orderly.stepfunctions.internal.intrinsics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import java.io.UncheckedIOException;
import java.util.Comparator;

/** JSON helpers shared by the function groups. */
final class JsonValues {
  static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** Numbers compare by value (1 equals 1.0), everything else structurally. */
  private static final Comparator<JsonNode> VALUE_ORDER =
      (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
          return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
      };

  private JsonValues() {}

  static boolean sameValue(JsonNode a, JsonNode b) {
    return a.equals(VALUE_ORDER, b);
  }

  /** Compact JSON text, as States.JsonToString returns it. */
  static String toJson(JsonNode value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode integer(long value) {
    return value == (int) value ? IntNode.valueOf((int) value) : LongNode.valueOf(value);
  }

  static String type(JsonNode value) {
    return value.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
  }
}
