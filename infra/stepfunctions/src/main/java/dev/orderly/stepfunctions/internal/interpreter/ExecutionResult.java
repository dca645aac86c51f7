package dev.orderly.stepfunctions.internal.interpreter;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * How an execution ended: SUCCEEDED with an output; FAILED, TIMED_OUT or ABORTED with an error and
 * a cause.
 */
public record ExecutionResult(
    String status, JsonNode output, String error, String cause, List<HistoryEvent> history) {
  public ExecutionResult {
    history = List.copyOf(history);
  }

  public boolean succeeded() {
    return "SUCCEEDED".equals(status);
  }
}
