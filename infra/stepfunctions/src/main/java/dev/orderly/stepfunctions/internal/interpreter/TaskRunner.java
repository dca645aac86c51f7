package dev.orderly.stepfunctions.internal.interpreter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderly.stepfunctions.Scheduler;
import dev.orderly.stepfunctions.internal.StatesException;
import dev.orderly.stepfunctions.internal.dataflow.DataFlow;
import dev.orderly.stepfunctions.internal.errors.ErrorNames;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeoutException;

/**
 * A Task state's work: Parameters, the resource on the task executor, TimeoutSeconds and
 * HeartbeatSeconds (and their Path forms) on the scheduler, {@code .waitForTaskToken} through the
 * token registry, and the Task* history events. Retry, Catch and the rest of the data flow are the
 * interpreter's.
 */
final class TaskRunner {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String WAIT_FOR_TASK_TOKEN = ".waitForTaskToken";
  private static final String SERVICE_PREFIX = "arn:aws:states:::";

  private final DataFlow flow;
  private final TaskInvoker tasks;
  private final Scheduler scheduler;
  private final Executor taskExecutor;
  private final TaskTokens tokens;

  TaskRunner(
      DataFlow flow,
      TaskInvoker tasks,
      Scheduler scheduler,
      Executor taskExecutor,
      TaskTokens tokens) {
    this.flow = flow;
    this.tasks = tasks;
    this.scheduler = scheduler;
    this.taskExecutor = taskExecutor;
    this.tokens = tokens;
  }

  JsonNode run(String name, JsonNode state, JsonNode effective, ObjectNode context, Run run) {
    String resource = state.path("Resource").asText();
    boolean callback = resource.endsWith(WAIT_FOR_TASK_TOKEN);
    String target =
        callback
            ? resource.substring(0, resource.length() - WAIT_FOR_TASK_TOKEN.length())
            : resource;
    String resourceType = resourceType(resource);
    String resourceName = resourceName(resource);
    Duration timeout = seconds(state, "TimeoutSeconds", effective, context);
    Duration heartbeat = seconds(state, "HeartbeatSeconds", effective, context);
    Instant started = scheduler.now();
    String token = callback ? tokens.issue(started) : null;
    if (token != null) {
      context.putObject("Task").put("Token", token);
    }
    try {
      JsonNode parameters =
          state.has("Parameters")
              ? flow.applyTemplate(state.get("Parameters"), effective, context)
              : effective;
      run.event(
          "TaskScheduled",
          name,
          () -> {
            ObjectNode scheduled =
                NODES
                    .objectNode()
                    .put("resourceType", resourceType)
                    .put("resource", resourceName)
                    .put("region", region(resource))
                    .set("parameters", History.value(parameters));
            if (timeout != null) {
              scheduled.put("timeoutInSeconds", timeout.getSeconds());
            }
            if (heartbeat != null) {
              scheduled.put("heartbeatInSeconds", heartbeat.getSeconds());
            }
            return scheduled;
          });
      run.event(
          "TaskStarted",
          name,
          () -> NODES.objectNode().put("resourceType", resourceType).put("resource", resourceName));
      CompletableFuture<JsonNode> invocation = start(target, parameters);
      TaskTokens.Pending pending = token == null ? null : tokens.pending(token);
      CompletableFuture<JsonNode> outcome = invocation;
      if (pending != null) {
        CompletableFuture<JsonNode> fromToken = new CompletableFuture<>();
        pending.result.whenComplete(
            (value, failure) -> {
              if (failure == null) {
                fromToken.complete(value);
              } else {
                fromToken.completeExceptionally(failure);
              }
            });
        invocation.whenComplete(
            (value, failure) -> {
              if (failure != null) {
                fromToken.completeExceptionally(failure);
              }
            });
        outcome = fromToken;
      }
      Instant timeoutAt = timeout == null ? null : started.plus(timeout);
      JsonNode result = awaitTask(outcome, timeoutAt, heartbeat, pending, started, run);
      run.event(
          "TaskSucceeded",
          name,
          () ->
              NODES
                  .objectNode()
                  .put("resourceType", resourceType)
                  .put("resource", resourceName)
                  .set("output", History.value(result)));
      return result;
    } catch (ExecutionAbort abort) {
      throw abort;
    } catch (RuntimeException thrown) {
      StatesException failure = asStatesError(thrown);
      boolean timedOut =
          ErrorNames.TIMEOUT.equals(failure.error())
              || ErrorNames.HEARTBEAT_TIMEOUT.equals(failure.error());
      run.event(
          timedOut ? "TaskTimedOut" : "TaskFailed",
          name,
          NODES
              .objectNode()
              .put("resourceType", resourceType)
              .put("resource", resourceName)
              .put("error", failure.error())
              .put("cause", failure.cause()));
      throw failure;
    } finally {
      if (token != null) {
        tokens.close(token);
        context.remove("Task");
      }
    }
  }

  private CompletableFuture<JsonNode> start(String resource, JsonNode parameters) {
    try {
      return tasks.invokeAsync(resource, parameters, taskExecutor);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /** A task's end: its result, or States.Timeout / States.HeartbeatTimeout by the scheduler. */
  private JsonNode awaitTask(
      CompletableFuture<JsonNode> outcome,
      Instant timeoutAt,
      Duration heartbeat,
      TaskTokens.Pending pending,
      Instant started,
      Run run) {
    while (true) {
      Instant lastSign = pending == null ? started : pending.lastHeartbeat;
      Instant heartbeatAt = heartbeat == null ? null : lastSign.plus(heartbeat);
      try {
        return run.await(outcome, Run.earliest(timeoutAt, heartbeatAt));
      } catch (TimeoutException e) {
        Instant now = scheduler.now();
        if (timeoutAt != null && !now.isBefore(timeoutAt)) {
          throw new StatesException(ErrorNames.TIMEOUT, "The task timed out.");
        }
        if (pending != null && pending.lastHeartbeat.plus(heartbeat).isAfter(now)) {
          continue;
        }
        throw new StatesException(
            ErrorNames.HEARTBEAT_TIMEOUT, "The task did not send a heartbeat in time.");
      }
    }
  }

  private static StatesException asStatesError(RuntimeException thrown) {
    if (thrown instanceof StatesException states) {
      return states;
    }
    return new StatesException(
        thrown.getClass().getName(), thrown.getMessage() == null ? "" : thrown.getMessage());
  }

  /** TimeoutSeconds / HeartbeatSeconds or their Path forms, as a positive number of seconds. */
  private Duration seconds(JsonNode state, String field, JsonNode effective, JsonNode context) {
    JsonNode value;
    if (state.has(field)) {
      value = state.get(field);
    } else if (state.has(field + "Path")) {
      value = flow.select(state.get(field + "Path").asText(), effective, context, field + "Path");
    } else {
      return null;
    }
    if (!value.canConvertToLong() || !value.isIntegralNumber() || value.asLong() < 1) {
      throw new StatesException(
          StatesException.RUNTIME, field + " must be a positive integer, not " + value);
    }
    return Duration.ofSeconds(value.asLong());
  }

  private static String resourceType(String resource) {
    if (resource.startsWith(SERVICE_PREFIX)) {
      String rest = resource.substring(SERVICE_PREFIX.length());
      int colon = rest.indexOf(':');
      return colon < 0 ? rest : rest.substring(0, colon);
    }
    return "lambda";
  }

  private static String resourceName(String resource) {
    if (resource.startsWith(SERVICE_PREFIX)) {
      String rest = resource.substring(SERVICE_PREFIX.length());
      int colon = rest.indexOf(':');
      return colon < 0 ? rest : rest.substring(colon + 1);
    }
    return resource;
  }

  /** The region field of an ARN ({@code arn:aws:lambda:<region>:...}), us-east-1 when empty. */
  private static String region(String resource) {
    int first = resource.indexOf(':');
    int second = first < 0 ? -1 : resource.indexOf(':', first + 1);
    int third = second < 0 ? -1 : resource.indexOf(':', second + 1);
    int fourth = third < 0 ? -1 : resource.indexOf(':', third + 1);
    return fourth > third + 1 ? resource.substring(third + 1, fourth) : "us-east-1";
  }
}
