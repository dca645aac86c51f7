package dev.orderly.stepfunctions.internal.interpreter;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One entry of an execution's history, named with AWS's event types (TaskStateEntered, ...); the
 * details are the members of the matching {@code *EventDetails} structure of GetExecutionHistory
 * ({@code input}, {@code output} and {@code parameters} as JSON values, which the API writes as
 * text), or null for events without details.
 */
public record HistoryEvent(
    long id, String type, Instant timestamp, String stateName, JsonNode details) {

  /** The GetExecutionHistory member that carries this event's details. */
  public String detailsMember() {
    if (type.endsWith("StateEntered")) {
      return "stateEnteredEventDetails";
    }
    if (type.endsWith("StateExited")) {
      return "stateExitedEventDetails";
    }
    return Character.toLowerCase(type.charAt(0)) + type.substring(1) + "EventDetails";
  }
}
