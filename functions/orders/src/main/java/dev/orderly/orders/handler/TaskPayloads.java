package dev.orderly.orders.handler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderly.orders.domain.CancellationReason;
import dev.orderly.orders.domain.TaskRequest;
import dev.orderly.orders.domain.TaskResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Saga task payloads in and results out, as JSON: {@code {tenantId, orderId, requestId,
 * correlationId}} (CancelOrder adds {@code reason: {code, detail}}), answered with {@code {status}}
 * (CancelOrder adds {@code orderFound}).
 */
final class TaskPayloads {
  private static final ObjectMapper JSON = new ObjectMapper();

  private TaskPayloads() {}

  static JsonNode read(InputStream input) throws IOException {
    JsonNode payload;
    try {
      payload = JSON.readTree(input);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new InvalidTaskPayload("the task payload is not JSON");
    }
    if (payload == null || !payload.isObject()) {
      throw new InvalidTaskPayload("the task payload is not a JSON object");
    }
    return payload;
  }

  static TaskRequest request(JsonNode payload) {
    try {
      return new TaskRequest(
          text(payload, "tenantId"),
          text(payload, "orderId"),
          text(payload, "requestId"),
          payload.path("correlationId").asText(""));
    } catch (IllegalArgumentException e) {
      throw new InvalidTaskPayload(e.getMessage());
    }
  }

  /** The reason, read leniently: a compensation must not fail over its wording. */
  static CancellationReason reason(JsonNode payload) {
    JsonNode reason = payload.path("reason");
    return CancellationReason.lenient(
        reason.path("code").isTextual() ? reason.get("code").asText() : null,
        reason.path("detail").isTextual() ? reason.get("detail").asText() : null);
  }

  static void write(TaskResult result, boolean withFound, OutputStream output) throws IOException {
    ObjectNode json = JSON.createObjectNode().put("status", result.status().name());
    if (withFound) {
      json.put("orderFound", result.orderFound());
    }
    output.write(JSON.writeValueAsBytes(json));
  }

  private static String text(JsonNode payload, String name) {
    JsonNode value = payload.get(name);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      throw new InvalidTaskPayload(name + " is required");
    }
    return value.asText();
  }
}
