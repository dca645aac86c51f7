package dev.orderly.idempotency;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Objects;

/**
 * Where each kind of delivery takes its key. Events use their business {@code eventId}, never a
 * transport id (an SQS messageId changes when a producer retries, so it would let the retry
 * through); saga steps use execution name + step, which a step and its compensation share; HTTP
 * uses tenant + route + the client's Idempotency-Key.
 */
public final class IdempotencyKeys {
  private static final ObjectMapper JSON = new ObjectMapper();

  private IdempotencyKeys() {}

  /**
   * The {@code eventId} of an Orderly event: {@code detail.metadata.eventId} in a full EventBridge
   * event, or {@code metadata.eventId} in a bare detail. Null when the text carries none.
   */
  public static String eventId(String json) {
    if (json == null || json.isBlank()) {
      return null;
    }
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (IOException notJson) {
      return null;
    }
    return eventId(root);
  }

  public static String eventId(JsonNode event) {
    if (event == null) {
      return null;
    }
    JsonNode detail = event.has("detail") ? event.get("detail") : event;
    JsonNode id = detail.path("metadata").path("eventId");
    return id.isTextual() && !id.asText().isBlank() ? "event:" + id.asText() : null;
  }

  /** The key of a saga step: one per execution and step, shared by the step's compensation. */
  public static String sagaStep(String executionName, String step) {
    Objects.requireNonNull(executionName, "executionName");
    Objects.requireNonNull(step, "step");
    return "saga:" + executionName + ":" + step;
  }

  /** The key of an HTTP request: tenant, route and the client's Idempotency-Key header. */
  public static String http(String tenant, String route, String idempotencyKey) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(route, "route");
    return "http:" + tenant + ":" + route + ":" + idempotencyKey;
  }
}
