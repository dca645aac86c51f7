package dev.orderly.inventory.handler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A saga task's input as the Lambda runtime hands it over (a map of JSON values), read by hand.
 * Step Functions sends what the state machine's Parameters build, so a missing or mistyped field is
 * a defect in the definition: it fails the task with the field's name, and is never retried.
 */
final class TaskPayload {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final JsonNode node;
  private final String path;

  private TaskPayload(JsonNode node, String path) {
    this.node = node;
    this.path = path;
  }

  static TaskPayload of(Map<String, Object> input) {
    if (input == null) {
      throw new IllegalArgumentException("the task input is empty");
    }
    return new TaskPayload(JSON.valueToTree(input), "");
  }

  String text(String name) {
    JsonNode value = node.get(name);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      throw new IllegalArgumentException(path + name + " must be a non-blank string");
    }
    return value.asText();
  }

  Optional<String> optionalText(String name) {
    JsonNode value = node.get(name);
    return value != null && value.isTextual() && !value.asText().isBlank()
        ? Optional.of(value.asText())
        : Optional.empty();
  }

  int integer(String name) {
    JsonNode value = node.get(name);
    if (value == null || !value.isIntegralNumber() || !value.canConvertToInt()) {
      throw new IllegalArgumentException(path + name + " must be an integer");
    }
    return value.intValue();
  }

  List<TaskPayload> objects(String name) {
    JsonNode value = node.get(name);
    if (value == null || !value.isArray()) {
      throw new IllegalArgumentException(path + name + " must be an array");
    }
    List<TaskPayload> items = new ArrayList<>(value.size());
    for (int i = 0; i < value.size(); i++) {
      if (!value.get(i).isObject()) {
        throw new IllegalArgumentException(path + name + "[" + i + "] must be an object");
      }
      items.add(new TaskPayload(value.get(i), path + name + "[" + i + "]."));
    }
    return items;
  }
}
