package dev.orderly.outbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

/**
 * PutEvents to one bus. PutEvents succeeds as a call even when some entries fail; their result
 * entries carry an ErrorCode, which this returns per entry so the relay retries only those.
 */
public final class EventBridgePublisher implements EventPublisher {
  private final EventBridgeClient events;
  private final String busName;

  public EventBridgePublisher(EventBridgeClient events, String busName) {
    this.events = Objects.requireNonNull(events, "events");
    this.busName = Objects.requireNonNull(busName, "busName");
  }

  @Override
  public List<String> publish(List<OutboxEntry> entries) {
    if (entries.size() > MAX_BATCH) {
      throw new IllegalArgumentException("PutEvents takes at most 10 entries: " + entries.size());
    }
    List<PutEventsRequestEntry> request = new ArrayList<>(entries.size());
    for (OutboxEntry entry : entries) {
      EventEnvelope event = entry.event();
      request.add(
          PutEventsRequestEntry.builder()
              .eventBusName(busName)
              .source(event.source())
              .detailType(event.detailType())
              .detail(event.detailJson())
              .time(event.occurredAt())
              .build());
    }
    PutEventsResponse response = events.putEvents(b -> b.entries(request));
    List<String> results = new ArrayList<>(entries.size());
    for (PutEventsResultEntry result : response.entries()) {
      results.add(result.errorCode() == null ? null : result.errorCode());
    }
    return results;
  }
}
