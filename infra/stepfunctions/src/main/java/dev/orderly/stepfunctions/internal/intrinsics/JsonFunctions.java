package dev.orderly.stepfunctions.internal.intrinsics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Map;

/** The JSON intrinsics: StringToJson, JsonToString and JsonMerge. */
final class JsonFunctions {
  private JsonFunctions() {}

  static void registerInto(Map<String, IntrinsicFunction> registry) {
    registry.put("States.StringToJson", JsonFunctions::stringToJson);
    registry.put("States.JsonToString", JsonFunctions::jsonToString);
    registry.put("States.JsonMerge", JsonFunctions::jsonMerge);
  }

  private static JsonNode stringToJson(Arguments args) {
    args.expectCount(1);
    String text = args.string(0);
    JsonNode parsed;
    try {
      parsed = JsonValues.MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw IntrinsicFailureException.failure(
          args.function(), "argument is not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (parsed == null || parsed.isMissingNode()) {
      throw args.fail("argument is not valid JSON: it is empty");
    }
    return parsed;
  }

  private static JsonNode jsonToString(Arguments args) {
    args.expectCount(1);
    return TextNode.valueOf(JsonValues.toJson(args.get(0)));
  }

  /**
   * A shallow merge: the second object's top-level keys replace the first's. AWS accepts only
   * {@code false} for the third argument ("Step Functions only supports the shallow merging mode").
   */
  private static JsonNode jsonMerge(Arguments args) {
    args.expectCount(3);
    ObjectNode first = args.object(0);
    ObjectNode second = args.object(1);
    if (args.bool(2)) {
      throw args.fail("deep merging is not supported; the third argument must be false");
    }
    ObjectNode merged = first.deepCopy();
    second.fields().forEachRemaining(e -> merged.set(e.getKey(), e.getValue().deepCopy()));
    return merged;
  }
}
