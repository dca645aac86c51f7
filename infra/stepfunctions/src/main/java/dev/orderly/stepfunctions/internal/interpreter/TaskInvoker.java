package dev.orderly.stepfunctions.internal.interpreter;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Runs a Task state's resource. The local cloud maps Lambda ARNs to in-process handlers; tests
 * script results. A failure is a {@link dev.orderly.stepfunctions.internal.StatesException} whose
 * error name is the task's error type, as Lambda reports it.
 */
@FunctionalInterface
public interface TaskInvoker {
  JsonNode invoke(String resource, JsonNode input);
}
