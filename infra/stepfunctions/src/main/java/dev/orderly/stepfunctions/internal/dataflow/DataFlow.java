package dev.orderly.stepfunctions.internal.dataflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderly.stepfunctions.internal.StatesException;
import dev.orderly.stepfunctions.internal.intrinsics.IntrinsicFailureException;
import dev.orderly.stepfunctions.internal.intrinsics.IntrinsicFunctions;
import dev.orderly.stepfunctions.internal.intrinsics.JsonPathResolver;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The JSONPath-mode data flow of a state, as the Step Functions Developer Guide ("Processing input
 * and output in Step Functions") orders it: InputPath selects the effective input, Parameters (or
 * ItemSelector) builds the task input from a payload template, ResultSelector shapes the raw
 * result, ResultPath places it into the raw input, OutputPath selects the output.
 */
public final class DataFlow {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final IntrinsicFunctions intrinsics;

  public DataFlow(IntrinsicFunctions intrinsics) {
    this.intrinsics = Objects.requireNonNull(intrinsics, "intrinsics");
  }

  /**
   * InputPath and OutputPath: an absent field means {@code $} (pass {@code "$"}), JSON null means
   * an empty object ({@code path == null}), otherwise the selected node; a path that selects
   * nothing is a {@code States.Runtime} failure.
   */
  public JsonNode select(String path, JsonNode input, JsonNode context, String field) {
    if (path == null) {
      return NODES.objectNode();
    }
    try {
      return new JsonPathResolver(input, context).resolve(path);
    } catch (IntrinsicFailureException e) {
      throw new StatesException(
          StatesException.RUNTIME,
          "Invalid path '" + path + "' : No results for path: " + path + " (" + field + ")");
    }
  }

  /**
   * A payload template (Parameters, ItemSelector, ResultSelector): fields whose names end in {@code
   * .$} take the value of a path ({@code $...} on the input, {@code $$...} on the context object)
   * or of an intrinsic function, however deeply nested; other values are copied.
   */
  public JsonNode applyTemplate(JsonNode template, JsonNode input, JsonNode context) {
    JsonPathResolver resolver = new JsonPathResolver(input, context);
    return expand(template, input, resolver);
  }

  private JsonNode expand(JsonNode node, JsonNode input, JsonPathResolver resolver) {
    if (node instanceof ObjectNode object) {
      ObjectNode out = NODES.objectNode();
      Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        String name = field.getKey();
        if (name.endsWith(".$")) {
          out.set(
              name.substring(0, name.length() - 2),
              dynamic(name, field.getValue(), input, resolver));
        } else {
          out.set(name, expand(field.getValue(), input, resolver));
        }
      }
      return out;
    }
    if (node instanceof ArrayNode array) {
      ArrayNode out = NODES.arrayNode();
      array.forEach(element -> out.add(expand(element, input, resolver)));
      return out;
    }
    return node;
  }

  private JsonNode dynamic(
      String field, JsonNode value, JsonNode input, JsonPathResolver resolver) {
    if (!value.isTextual()) {
      throw new StatesException(
          StatesException.RUNTIME, "The value for the field '" + field + "' must be a STRING");
    }
    String expression = value.textValue();
    if (expression.startsWith("States.")) {
      try {
        return intrinsics.evaluate(expression, resolver);
      } catch (IntrinsicFailureException e) {
        throw new StatesException(e.errorName(), e.getMessage());
      }
    }
    if (!expression.startsWith("$")) {
      throw new StatesException(
          StatesException.RUNTIME,
          "The value for the field '"
              + field
              + "' must be a valid JSONPath or a valid intrinsic"
              + " function call");
    }
    try {
      return resolver.resolve(expression);
    } catch (IntrinsicFailureException e) {
      throw new StatesException(
          StatesException.RUNTIME,
          "The JSONPath '"
              + expression
              + "' specified for the field '"
              + field
              + "' could not be found in the input '"
              + input
              + "'");
    }
  }

  /**
   * ResultPath: absent means {@code $} (the result replaces the input), JSON null discards the
   * result (pass {@code discard = true}), otherwise the result is written at the reference path
   * into a copy of the raw input, creating missing objects on the way. Writing through a value that
   * is not an object fails with {@code States.ResultPathMatchFailure}.
   */
  public JsonNode applyResultPath(
      JsonNode rawInput, JsonNode result, String resultPath, boolean discard) {
    if (discard) {
      return rawInput;
    }
    if (resultPath == null || resultPath.equals("$")) {
      return result;
    }
    ReferencePath path = ReferencePath.parse(resultPath);
    if (path == null) {
      throw new StatesException(
          StatesException.RUNTIME, "ResultPath '" + resultPath + "' is not a reference path");
    }
    if (!(rawInput instanceof ObjectNode)) {
      throw mismatch(resultPath, rawInput);
    }
    JsonNode root = rawInput.deepCopy();
    JsonNode current = root;
    List<Object> segments = path.segments();
    for (int i = 0; i < segments.size(); i++) {
      Object segment = segments.get(i);
      boolean last = i == segments.size() - 1;
      if (segment instanceof String name) {
        if (!(current instanceof ObjectNode object)) {
          throw mismatch(resultPath, rawInput);
        }
        if (last) {
          object.set(name, result);
        } else {
          JsonNode next = object.get(name);
          if (next == null || next.isNull()) {
            next = object.putObject(name);
          }
          current = next;
        }
      } else {
        int index = (Integer) segment;
        if (!(current instanceof ArrayNode array) || index >= array.size()) {
          throw mismatch(resultPath, rawInput);
        }
        if (last) {
          array.set(index, result);
        } else {
          current = array.get(index);
        }
      }
    }
    return root;
  }

  private static StatesException mismatch(String resultPath, JsonNode input) {
    return new StatesException(
        StatesException.RESULT_PATH_MATCH_FAILURE,
        "Unable to apply ResultPath \"" + resultPath + "\" to input \"" + input + "\"");
  }
}
