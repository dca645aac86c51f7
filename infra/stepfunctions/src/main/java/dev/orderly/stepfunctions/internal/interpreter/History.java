package dev.orderly.stepfunctions.internal.interpreter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An execution's history events, numbered from 1; appended by concurrent branches, read while the
 * execution runs. Details have the shape of the AWS API's {@code *EventDetails} members.
 */
final class History {
  private final List<HistoryEvent> events = new ArrayList<>();

  synchronized void add(Instant at, String type, String stateName, ObjectNode details) {
    events.add(new HistoryEvent(events.size() + 1L, type, at, stateName, details));
  }

  synchronized List<HistoryEvent> events() {
    return List.copyOf(events);
  }

  static String text(JsonNode value) {
    return value == null ? "null" : value.toString();
  }
}
