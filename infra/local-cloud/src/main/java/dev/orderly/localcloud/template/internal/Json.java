package dev.orderly.localcloud.template.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The JSON mapper of the reader and scalar conversions as CloudFormation makes them. */
final class Json {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  /** A scalar's text: strings as they are, numbers and booleans as written. */
  static String scalar(JsonNode value, Where where) {
    if (value.isTextual()) {
      return value.textValue();
    }
    if (value.isNumber() || value.isBoolean()) {
      return value.asText();
    }
    throw where.fail("must be a string, number or boolean, not " + describe(value));
  }

  static String describe(JsonNode value) {
    if (value.isObject()) {
      return "an object " + compact(value);
    }
    if (value.isArray()) {
      return "a list " + compact(value);
    }
    return value.toString();
  }

  static String compact(JsonNode value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
