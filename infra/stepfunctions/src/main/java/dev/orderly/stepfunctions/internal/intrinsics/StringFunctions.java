package dev.orderly.stepfunctions.internal.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.StringTokenizer;
import java.util.UUID;
import java.util.function.Supplier;

/** The string intrinsics: Format, StringSplit and UUID. */
final class StringFunctions {
  private final Supplier<UUID> ids;

  StringFunctions(Supplier<UUID> ids) {
    this.ids = ids;
  }

  void registerInto(Map<String, IntrinsicFunction> registry) {
    registry.put("States.Format", StringFunctions::format);
    registry.put("States.StringSplit", StringFunctions::split);
    registry.put("States.UUID", this::uuid);
  }

  /**
   * Replaces each {@code {}} of the template with the next argument. A literal template keeps its
   * escaped {@code \{\}} as text; a template read from a path is plain data, so every {@code {}} in
   * it is a placeholder.
   */
  private static JsonNode format(Arguments args) {
    if (args.size() == 0) {
      throw args.fail("expected a template string as the first argument");
    }
    String template = args.string(0);
    List<String> segments =
        args.literalSegments(0).orElseGet(() -> Arrays.asList(template.split("\\{}", -1)));
    int placeholders = segments.size() - 1;
    if (placeholders != args.size() - 1) {
      throw args.fail(
          "the template has "
              + placeholders
              + " placeholder(s) but "
              + (args.size() - 1)
              + " value(s) were given");
    }
    StringBuilder result = new StringBuilder(segments.get(0));
    for (int i = 1; i < segments.size(); i++) {
      JsonNode value = args.get(i);
      result.append(value.isTextual() ? value.textValue() : JsonValues.toJson(value));
      result.append(segments.get(i));
    }
    return TextNode.valueOf(result.toString());
  }

  /**
   * Splits on every character of the delimiter string, dropping empty pieces: {@code
   * States.StringSplit('This.is+a,test=string', '.+,=')} gives five words.
   */
  private static JsonNode split(Arguments args) {
    args.expectCount(2);
    String input = args.string(0);
    String delimiters = args.string(1);
    ArrayNode result = JsonValues.NODES.arrayNode();
    if (delimiters.isEmpty()) {
      throw args.fail("the delimiter must not be empty");
    }
    StringTokenizer tokens = new StringTokenizer(input, delimiters);
    while (tokens.hasMoreTokens()) {
      result.add(tokens.nextToken());
    }
    return result;
  }

  private JsonNode uuid(Arguments args) {
    args.expectCount(0);
    return TextNode.valueOf(ids.get().toString());
  }
}
