package dev.orderly.notifications.domain;

import java.util.Objects;

/** Which event this is: its type, its stable id (the unit of exactly-once), tenant, correlation. */
public record EventMetadata(
    String detailType, String eventId, String tenant, String correlationId) {
  public EventMetadata {
    Objects.requireNonNull(detailType, "detailType");
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(correlationId, "correlationId");
  }
}
