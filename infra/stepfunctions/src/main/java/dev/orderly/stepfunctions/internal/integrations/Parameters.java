package dev.orderly.stepfunctions.internal.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderly.stepfunctions.internal.StatesException;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;

/**
 * A Task's resolved Parameters, read field by field. A field the integration does not support, a
 * missing required field or a value of the wrong type fails as Step Functions fails it: {@code
 * States.Runtime}, "The Parameters ... could not be used to start the Task".
 */
final class Parameters {
  private final ObjectNode fields;

  private Parameters(ObjectNode fields) {
    this.fields = fields;
  }

  /** The parameters, when {@code input} is an object holding only {@code supported} fields. */
  static Parameters of(JsonNode input, Set<String> supported) {
    if (!(input instanceof ObjectNode object)) {
      throw invalid(input, "The Parameters must be a JSON object");
    }
    for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!supported.contains(name)) {
        throw invalid(input, "The field \"" + name + "\" is not supported by Step Functions");
      }
    }
    return new Parameters(object);
  }

  static StatesException invalid(JsonNode input, String problem) {
    return new StatesException(
        StatesException.RUNTIME,
        "The Parameters '" + input + "' could not be used to start the Task: [" + problem + "]");
  }

  StatesException invalid(String problem) {
    return invalid(fields, problem);
  }

  boolean has(String name) {
    return fields.hasNonNull(name);
  }

  JsonNode get(String name) {
    JsonNode value = fields.get(name);
    if (value == null || value.isNull()) {
      throw invalid("The field \"" + name + "\" is required");
    }
    return value;
  }

  String text(String name) {
    JsonNode value = get(name);
    if (!value.isTextual()) {
      throw invalid("The value for the field '" + name + "' must be a STRING");
    }
    return value.asText();
  }

  Optional<String> optionalText(String name) {
    return has(name) ? Optional.of(text(name)) : Optional.empty();
  }

  ObjectNode object(String name) {
    JsonNode value = get(name);
    if (!(value instanceof ObjectNode object)) {
      throw invalid("The value for the field '" + name + "' must be an OBJECT");
    }
    return object;
  }

  Optional<ObjectNode> optionalObject(String name) {
    return has(name) ? Optional.of(object(name)) : Optional.empty();
  }

  Optional<Integer> optionalInt(String name) {
    if (!has(name)) {
      return Optional.empty();
    }
    JsonNode value = get(name);
    if (!value.canConvertToInt() || !value.isIntegralNumber()) {
      throw invalid("The value for the field '" + name + "' must be an INTEGER");
    }
    return Optional.of(value.intValue());
  }

  Optional<Boolean> optionalBoolean(String name) {
    if (!has(name)) {
      return Optional.empty();
    }
    JsonNode value = get(name);
    if (!value.isBoolean()) {
      throw invalid("The value for the field '" + name + "' must be a BOOLEAN");
    }
    return Optional.of(value.booleanValue());
  }
}
