package dev.orderly.orderviews.handler;

import dev.orderly.orderviews.domain.ProjectionEvent;
import java.util.Objects;
import java.util.Optional;

/**
 * An EventBridge event taken from an SQS message: what it is, its ids for the logs, and the
 * projection's reading of it, empty for a detail-type the projection does not use.
 */
public record ReceivedEvent(
    String detailType, String eventId, String correlationId, Optional<ProjectionEvent> event) {
  public ReceivedEvent {
    Objects.requireNonNull(detailType, "detailType");
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(correlationId, "correlationId");
    Objects.requireNonNull(event, "event");
  }
}
