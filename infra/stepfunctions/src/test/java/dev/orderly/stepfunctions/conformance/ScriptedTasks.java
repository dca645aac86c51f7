package dev.orderly.stepfunctions.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.orderly.stepfunctions.VirtualScheduler;
import dev.orderly.stepfunctions.internal.Futures;
import dev.orderly.stepfunctions.internal.StatesException;
import dev.orderly.stepfunctions.internal.interpreter.TaskInvoker;
import dev.orderly.stepfunctions.internal.interpreter.TaskTokens;
import dev.orderly.stepfunctions.oracle.TaskOutcome;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The interpreter's side of a case's scripted tasks. A corpus file keys outcomes by Resource ARN or
 * by Task state name, as the oracle driver does; the interpreter's {@link TaskInvoker} sees only
 * the resource, so a state-name key is translated to its state's Resource, which must then belong
 * to that one Task state (otherwise the two sides could hand out outcomes differently).
 */
final class ScriptedTasks implements TaskInvoker {
  private final Map<String, Deque<TaskOutcome>> byResource = new LinkedHashMap<>();
  private final VirtualScheduler time;
  private final TaskTokens tokens;

  ScriptedTasks(
      JsonNode definition,
      Map<String, List<TaskOutcome>> script,
      VirtualScheduler time,
      TaskTokens tokens) {
    this.time = time;
    this.tokens = tokens;
    Map<String, String> resourceOfState = new HashMap<>();
    Map<String, Integer> statesPerResource = new HashMap<>();
    collectTaskStates(definition, resourceOfState, statesPerResource);
    script.forEach(
        (key, outcomes) -> {
          String resource = withoutCallback(resourceOfState.getOrDefault(key, key));
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
                String resource = withoutCallback(state.path("Resource").asText());
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

  /** The interpreter calls a {@code .waitForTaskToken} task's resource without the suffix. */
  private static String withoutCallback(String resource) {
    return resource.endsWith(CALLBACK)
        ? resource.substring(0, resource.length() - CALLBACK.length())
        : resource;
  }

  private static final String CALLBACK = ".waitForTaskToken";

  @Override
  public JsonNode invoke(String resource, JsonNode input) {
    throw new UnsupportedOperationException("scripted tasks answer through invokeAsync");
  }

  /**
   * The next scripted outcome, after its delay on virtual time. A callback task (its parameters
   * carry an open task token) is "sent" at once and the outcome comes back through the token.
   */
  @Override
  public CompletableFuture<JsonNode> invokeAsync(
      String resource, JsonNode input, Executor executor) {
    TaskOutcome next = byResource.getOrDefault(resource, new ArrayDeque<>()).poll();
    if (next == null) {
      return CompletableFuture.failedFuture(
          new IllegalStateException("no scripted result left for " + resource));
    }
    String token = openToken(input);
    CompletableFuture<JsonNode> outcome = answer(next);
    if (token == null) {
      return outcome;
    }
    outcome.whenComplete(
        (result, failure) -> {
          if (failure == null) {
            tokens.succeed(token, result);
          } else {
            StatesException error = (StatesException) Futures.unwrap(failure);
            tokens.fail(token, error.error(), error.cause());
          }
        });
    return CompletableFuture.completedFuture(JsonNodeFactory.instance.objectNode());
  }

  private CompletableFuture<JsonNode> answer(TaskOutcome outcome) {
    if (outcome instanceof TaskOutcome.Delayed delayed) {
      return time.after(Duration.ofMillis(delayed.afterMs()))
          .thenCompose(done -> answer(delayed.then()));
    }
    if (outcome instanceof TaskOutcome.Throws failure) {
      return CompletableFuture.failedFuture(new StatesException(failure.error(), failure.cause()));
    }
    return CompletableFuture.completedFuture(((TaskOutcome.Returns) outcome).result().deepCopy());
  }

  /** The first string in the task's parameters that is an open task token, if any. */
  private String openToken(JsonNode node) {
    if (node.isTextual() && tokens.isOpen(node.textValue())) {
      return node.textValue();
    }
    for (JsonNode child : node) {
      String token = openToken(child);
      if (token != null) {
        return token;
      }
    }
    return null;
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
