package dev.orderly.stepfunctions.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderly.stepfunctions.internal.StatesException;
import dev.orderly.stepfunctions.internal.interpreter.TaskInvoker;
import dev.orderly.stepfunctions.oracle.TaskOutcome;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The interpreter's side of a case's scripted tasks. A corpus file keys outcomes by Resource ARN or
 * by Task state name, as the oracle driver does; the interpreter's {@link TaskInvoker} sees only
 * the resource, so a state-name key is translated to its state's Resource, which must then belong
 * to that one Task state (otherwise the two sides could hand out outcomes differently).
 */
final class ScriptedTasks implements TaskInvoker {
  private final Map<String, Deque<TaskOutcome>> byResource = new LinkedHashMap<>();

  ScriptedTasks(JsonNode definition, Map<String, List<TaskOutcome>> script) {
    Map<String, String> resourceOfState = new HashMap<>();
    Map<String, Integer> statesPerResource = new HashMap<>();
    collectTaskStates(definition, resourceOfState, statesPerResource);
    script.forEach(
        (key, outcomes) -> {
          String resource = resourceOfState.getOrDefault(key, key);
          if (resourceOfState.containsKey(key)
              && (statesPerResource.get(resource) != 1 || script.containsKey(resource))) {
            throw new IllegalArgumentException(
                "tasks key \""
                    + key
                    + "\" names a Task state whose Resource "
                    + resource
                    + " is shared or scripted too: key it by the Resource instead");
          }
          byResource.put(resource, new ArrayDeque<>(outcomes));
        });
  }

  private static void collectTaskStates(
      JsonNode machine, Map<String, String> resourceOfState, Map<String, Integer> perResource) {
    machine
        .path("States")
        .fields()
        .forEachRemaining(
            entry -> {
              JsonNode state = entry.getValue();
              if (state.path("Type").asText().equals("Task")) {
                String resource = state.path("Resource").asText();
                resourceOfState.put(entry.getKey(), resource);
                perResource.merge(resource, 1, Integer::sum);
              }
              state
                  .path("Branches")
                  .forEach(branch -> collectTaskStates(branch, resourceOfState, perResource));
              collectTaskStates(state.path("Iterator"), resourceOfState, perResource);
              collectTaskStates(state.path("ItemProcessor"), resourceOfState, perResource);
            });
  }

  @Override
  public JsonNode invoke(String resource, JsonNode input) {
    TaskOutcome next = byResource.getOrDefault(resource, new ArrayDeque<>()).poll();
    if (next instanceof TaskOutcome.Throws failure) {
      throw new StatesException(failure.error(), failure.cause());
    }
    if (next instanceof TaskOutcome.Returns result) {
      return result.result().deepCopy();
    }
    throw new IllegalStateException("no scripted result left for " + resource);
  }

  /** The resources whose scripted outcomes were not all used, for a case that scripts too many. */
  List<String> unused() {
    List<String> unused = new ArrayList<>();
    byResource.forEach(
        (resource, left) -> {
          if (!left.isEmpty()) {
            unused.add(resource + " (" + left.size() + " left)");
          }
        });
    return unused;
  }
}
