package dev.orderly.stepfunctions.internal.interpreter;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** One entry of an execution's history, named with AWS's event types (TaskStateEntered, ...). */
public record HistoryEvent(
    long id, String type, Instant timestamp, String stateName, JsonNode details) {}
