package dev.orderly.stepfunctions.internal.interpreter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * One entry of an execution's history, named with AWS's event types (TaskStateEntered, ...). Its
 * details are the members of the matching {@code *EventDetails} structure of GetExecutionHistory
 * ({@code input}, {@code output} and {@code parameters} as JSON values, which the API writes as
 * text), or null for events without details. They are built the first time they are read: most
 * executions' histories are never read, and building them cost a third of a run.
 */
public final class HistoryEvent {
  private final long id;
  private final String type;
  private final Instant timestamp;
  private final String stateName;
  private Supplier<ObjectNode> factory;
  private ObjectNode details;

  HistoryEvent(
      long id, String type, Instant timestamp, String stateName, Supplier<ObjectNode> factory) {
    this.id = id;
    this.type = type;
    this.timestamp = timestamp;
    this.stateName = stateName;
    this.factory = factory;
  }

  public long id() {
    return id;
  }

  public String type() {
    return type;
  }

  public Instant timestamp() {
    return timestamp;
  }

  public String stateName() {
    return stateName;
  }

  public synchronized JsonNode details() {
    if (factory != null) {
      details = factory.get();
      factory = null;
    }
    return details;
  }

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

  @Override
  public String toString() {
    return id + " " + type + (stateName == null ? "" : " " + stateName);
  }
}
