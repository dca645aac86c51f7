package dev.orderly.stepfunctions.internal.interpreter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * An execution's history events, numbered from 1; appended by concurrent branches, read while the
 * execution runs. Details have the shape of the AWS API's {@code *EventDetails} members, except
 * that {@code input}, {@code output} and {@code parameters} hold JSON values, not JSON text.
 */
final class History {
  private final List<HistoryEvent> events = new ArrayList<>();

  synchronized void add(Instant at, String type, String stateName, Supplier<ObjectNode> details) {
    events.add(new HistoryEvent(events.size() + 1L, type, at, stateName, details));
  }

  synchronized List<HistoryEvent> events() {
    return List.copyOf(events);
  }

  /**
   * A data value for the details: kept as the node (values are never changed once made) and written
   * as JSON text only when the API serves the history, so a run pays no serialisation.
   */
  static JsonNode value(JsonNode value) {
    return value == null ? NullNode.getInstance() : value;
  }
}
