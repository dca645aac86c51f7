package dev.orderly.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Objects;

/**
 * An Orderly domain event as EventBridge carries it: {@code source} {@code orderly.<service>},
 * {@code detail-type} the event name, and a detail of {@code {metadata, data}} whose stable {@code
 * eventId} lets every consumer deduplicate a relay that published twice.
 */
public record EventEnvelope(
    String source,
    String detailType,
    String eventId,
    String tenantId,
    String correlationId,
    Instant occurredAt,
    int schemaVersion,
    JsonNode data) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public EventEnvelope {
    Objects.requireNonNull(source, "source");
    if (!source.startsWith("orderly.")) {
      throw new IllegalArgumentException("source must be orderly.<service>: " + source);
    }
    Objects.requireNonNull(detailType, "detailType");
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(correlationId, "correlationId");
    Objects.requireNonNull(occurredAt, "occurredAt");
    if (schemaVersion < 1) {
      throw new IllegalArgumentException("schemaVersion must be at least 1: " + schemaVersion);
    }
    Objects.requireNonNull(data, "data");
  }

  /** The EventBridge {@code detail}: {@code {"metadata": {...}, "data": {...}}}. */
  public String detailJson() {
    ObjectNode detail = JSON.createObjectNode();
    ObjectNode metadata = detail.putObject("metadata");
    metadata.put("eventId", eventId);
    metadata.put("tenantId", tenantId);
    metadata.put("correlationId", correlationId);
    metadata.put("occurredAt", occurredAt.toString());
    metadata.put("schemaVersion", schemaVersion);
    detail.set("data", data);
    return detail.toString();
  }

  /** Reads an envelope back from its parts, as the relay does from an outbox item. */
  public static EventEnvelope fromDetail(String source, String detailType, String detailJson) {
    JsonNode detail;
    try {
      detail = JSON.readTree(detailJson);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("detail is not JSON", e);
    }
    JsonNode metadata = detail.path("metadata");
    return new EventEnvelope(
        source,
        detailType,
        metadata.path("eventId").asText(),
        metadata.path("tenantId").asText(),
        metadata.path("correlationId").asText(),
        Instant.parse(metadata.path("occurredAt").asText()),
        metadata.path("schemaVersion").asInt(),
        detail.path("data"));
  }
}
