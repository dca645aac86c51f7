package dev.orderly.dynamodb.internal.expression;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderly.dynamodb.internal.value.AttributeValue;
import dev.orderly.dynamodb.internal.value.ValueJson;
import java.io.UncheckedIOException;
import java.util.Map;

/** Items written in DynamoDB's JSON, for compact tables of cases. */
final class Json {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  static Map<String, AttributeValue> item(String json) {
    try {
      return ValueJson.readItem(MAPPER.readTree(json));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
