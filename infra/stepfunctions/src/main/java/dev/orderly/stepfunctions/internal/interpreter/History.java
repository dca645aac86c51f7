package dev.orderly.stepfunctions.internal.interpreter;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Collects an execution's history events, numbered from 1 and stamped by the clock. */
final class History {
  private final Clock clock;
  private final List<HistoryEvent> events = new ArrayList<>();

  History(Clock clock) {
    this.clock = clock;
  }

  void add(String type, String stateName, JsonNode details) {
    events.add(new HistoryEvent(events.size() + 1L, type, clock.instant(), stateName, details));
  }

  List<HistoryEvent> events() {
    return events;
  }
}
