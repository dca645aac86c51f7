package dev.orderly.stepfunctions.internal.interpreter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderly.stepfunctions.Scheduler;
import dev.orderly.stepfunctions.internal.Futures;
import dev.orderly.stepfunctions.internal.StatesException;
import dev.orderly.stepfunctions.internal.choice.ChoiceRules;
import dev.orderly.stepfunctions.internal.dataflow.DataFlow;
import dev.orderly.stepfunctions.internal.errors.ErrorNames;
import dev.orderly.stepfunctions.internal.errors.Retrier;
import dev.orderly.stepfunctions.internal.errors.RetryState;
import dev.orderly.stepfunctions.internal.intrinsics.IntrinsicFunctions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Runs a JSONPath-mode state machine to its end: Pass, Task, Choice, Wait, Succeed, Fail, Parallel
 * and inline Map, with each state's data flow, Retry and Catch, task TimeoutSeconds and
 * HeartbeatSeconds (and their Path forms), {@code .waitForTaskToken}, Map MaxConcurrency and
 * failure tolerance, the execution's own TimeoutSeconds, and StopExecution.
 *
 * <p>Time comes from a {@link Scheduler}: real in a running local cloud, virtual (instant and
 * deterministic) in tests. Parallel branches and Map iterations run on the branch executor
 * (concurrently on a thread pool; one after another on a direct executor, which is what
 * deterministic tests use); tasks run on the task executor so that a timeout can cut them short.
 */
public final class Interpreter {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String WAIT_FOR_TASK_TOKEN = ".waitForTaskToken";
  private static final String SERVICE_PREFIX = "arn:aws:states:::";
  static final String EXCEED_TOLERATED_FAILURE_THRESHOLD = "States.ExceedToleratedFailureThreshold";

  /** Inline Map runs at most 40 iterations at once (Developer Guide, "Map state", inline mode). */
  private static final int INLINE_MAP_CONCURRENCY = 40;

  private final DataFlow flow;
  private final TaskInvoker tasks;
  private final Scheduler scheduler;
  private final DoubleSupplier random;
  private final Executor branches;
  private final Executor taskExecutor;
  private final TaskTokens tokens;

  /** The last instant formatted: many states enter within the same millisecond. */
  private volatile Stamp lastStamp = new Stamp(Instant.EPOCH, Instant.EPOCH.toString());

  private Interpreter(Builder builder) {
    this.flow = new DataFlow(builder.intrinsics);
    this.tasks = Objects.requireNonNull(builder.tasks, "tasks");
    this.scheduler = builder.scheduler;
    this.random = builder.random;
    this.branches = builder.branches;
    this.taskExecutor = builder.taskExecutor;
    this.tokens = builder.tokens;
  }

  /**
   * An interpreter on a fixed clock whose waits go to {@code waiter} and return at once; tasks,
   * branches and iterations run on the calling thread.
   */
  public Interpreter(
      IntrinsicFunctions intrinsics,
      TaskInvoker tasks,
      Clock clock,
      Consumer<Duration> waiter,
      DoubleSupplier random) {
    this(
        builder()
            .intrinsics(intrinsics)
            .tasks(tasks)
            .scheduler(instant(clock, waiter))
            .random(random));
  }

  public static Builder builder() {
    return new Builder();
  }

  /** What the Context object says about the execution ({@code $$.Execution}, ...). */
  public record ExecutionInfo(
      String executionArn,
      String name,
      String stateMachineArn,
      String stateMachineName,
      String roleArn,
      Instant startTime) {}

  public ExecutionResult run(JsonNode definition, JsonNode input, String executionName) {
    String machineArn = "arn:aws:states:local:000000000000:stateMachine:machine";
    ExecutionInfo info =
        new ExecutionInfo(
            "arn:aws:states:local:000000000000:execution:machine:" + executionName,
            executionName,
            machineArn,
            "machine",
            "arn:aws:iam::000000000000:role/local",
            scheduler.now());
    return run(definition, input, info, new ExecutionControl());
  }

  /** Runs to the end; the control carries the live history and the stop signal. */
  public ExecutionResult run(
      JsonNode definition, JsonNode input, ExecutionInfo info, ExecutionControl control) {
    Instant deadline =
        definition.has("TimeoutSeconds")
            ? info.startTime().plusSeconds(definition.get("TimeoutSeconds").asLong())
            : null;
    Run run = new Run(deadline, new CompletableFuture<>(), control.log());
    control.stopSignal().thenAccept(run.cancelled::complete);

    ObjectNode context = NODES.objectNode();
    ObjectNode execution = context.putObject("Execution");
    execution.put("Id", info.executionArn());
    execution.set("Input", input);
    execution.put("Name", info.name());
    execution.put("RoleArn", info.roleArn());
    execution.put("StartTime", info.startTime().toString());
    context
        .putObject("StateMachine")
        .put("Id", info.stateMachineArn())
        .put("Name", info.stateMachineName());
    run.event(
        "ExecutionStarted",
        null,
        () ->
            NODES
                .objectNode()
                .<ObjectNode>set("input", History.value(input))
                .put("roleArn", info.roleArn()));
    try {
      JsonNode output = runMachine(definition, input, context, run);
      run.event(
          "ExecutionSucceeded",
          null,
          () -> NODES.objectNode().set("output", History.value(output)));
      return new ExecutionResult("SUCCEEDED", output, null, null, control.history());
    } catch (StatesException failure) {
      return ended(run, control, "FAILED", "ExecutionFailed", failure.error(), failure.cause());
    } catch (ExecutionAbort abort) {
      return ExecutionAbort.TIMED_OUT.equals(abort.status())
          ? ended(run, control, "TIMED_OUT", "ExecutionTimedOut", abort.error(), abort.cause())
          : ended(run, control, "ABORTED", "ExecutionAborted", abort.error(), abort.cause());
    } catch (RuntimeException unexpected) {
      return ended(
          run,
          control,
          "FAILED",
          "ExecutionFailed",
          StatesException.RUNTIME,
          "Internal error: " + unexpected);
    }
  }

  private static ExecutionResult ended(
      Run run, ExecutionControl control, String status, String type, String error, String cause) {
    ObjectNode details = NODES.objectNode();
    if (error != null) {
      details.put("error", error);
    }
    if (cause != null) {
      details.put("cause", cause);
    }
    run.event(type, null, details);
    return new ExecutionResult(status, null, error, cause, control.history());
  }

  /**
   * One execution or branch: its history, its deadline (the execution's TimeoutSeconds) and its
   * cancellation (StopExecution, or a sibling branch's failure).
   */
  private final class Run {
    final Instant deadline;
    final CompletableFuture<ExecutionAbort> cancelled;
    final History history;

    Run(Instant deadline, CompletableFuture<ExecutionAbort> cancelled, History history) {
      this.deadline = deadline;
      this.cancelled = cancelled;
      this.history = history;
    }

    Run child() {
      Run child = new Run(deadline, new CompletableFuture<>(), history);
      cancelled.thenAccept(child.cancelled::complete);
      return child;
    }

    void event(String type, String stateName, ObjectNode details) {
      history.add(scheduler.now(), type, stateName, details == null ? null : () -> details);
    }

    void event(String type, String stateName) {
      history.add(scheduler.now(), type, stateName, null);
    }

    /** An event whose details are built only if someone reads the history. */
    void event(String type, String stateName, Supplier<ObjectNode> details) {
      history.add(scheduler.now(), type, stateName, details);
    }

    void check() {
      if (cancelled.isDone()) {
        throw cancelled.join();
      }
      if (deadline != null && !scheduler.now().isBefore(deadline)) {
        throw timedOut();
      }
    }

    ExecutionAbort timedOut() {
      return new ExecutionAbort(
          ExecutionAbort.TIMED_OUT, ErrorNames.TIMEOUT, "The execution timed out.");
    }

    /** Waits for work, by a task deadline (TimeoutException) and the execution's own limits. */
    <T> T await(CompletableFuture<T> work, Instant taskDeadline) throws TimeoutException {
      check();
      Instant limit = earliest(taskDeadline, deadline);
      CompletableFuture<Object> either = CompletableFuture.anyOf(work, cancelled);
      try {
        scheduler.await(either, limit);
      } catch (TimeoutException e) {
        if (deadline != null && !scheduler.now().isBefore(deadline)) {
          throw timedOut();
        }
        throw e;
      } catch (RuntimeException e) {
        if (!work.isDone()) {
          throw e;
        }
      }
      if (!work.isDone()) {
        throw cancelled.join();
      }
      try {
        return work.join();
      } catch (RuntimeException e) {
        throw Futures.unwrap(e);
      }
    }

    void sleep(Duration duration) {
      if (duration.isNegative() || duration.isZero()) {
        return;
      }
      try {
        await(scheduler.after(duration), null);
      } catch (TimeoutException e) {
        throw new IllegalStateException("a wait without a deadline timed out", e);
      }
    }
  }

  private static Instant earliest(Instant a, Instant b) {
    if (a == null) {
      return b;
    }
    return b == null || a.isBefore(b) ? a : b;
  }

  /** Runs a machine or a branch (StartAt + States) to its end; a failure propagates. */
  private JsonNode runMachine(JsonNode machine, JsonNode input, ObjectNode context, Run run) {
    String stateName = machine.path("StartAt").asText();
    JsonNode data = input;
    while (true) {
      run.check();
      JsonNode state = machine.path("States").get(stateName);
      if (state == null) {
        throw new StatesException(StatesException.RUNTIME, "No state named " + stateName);
      }
      ObjectNode stateContext = context.putObject("State");
      stateContext.put("EnteredTime", timestamp(scheduler.now()));
      stateContext.put("Name", stateName);
      stateContext.put("RetryCount", 0);
      Step step = runState(stateName, state, data, context, run);
      data = step.output();
      if (step.next() == null) {
        return data;
      }
      stateName = step.next();
    }
  }

  private record Step(JsonNode output, String next) {}

  private static ObjectNode stateDetails(String name, String member, JsonNode value) {
    return NODES.objectNode().put("name", name).set(member, History.value(value));
  }

  private Step runState(String name, JsonNode state, JsonNode input, ObjectNode context, Run run) {
    String type = state.path("Type").asText();
    run.event(type + "StateEntered", name, () -> stateDetails(name, "input", input));
    Step step;
    switch (type) {
      case "Pass":
        step = pass(state, input, context);
        break;
      case "Task":
        step =
            withRetryAndCatch(
                state, input, context, name, run, e -> invokeTask(name, state, e, context, run));
        break;
      case "Parallel":
        step =
            withRetryAndCatch(
                state, input, context, name, run, e -> parallel(name, state, e, context, run));
        break;
      case "Map":
        step =
            withRetryAndCatch(
                state, input, context, name, run, e -> map(name, state, e, context, run));
        break;
      case "Choice":
        step = choice(state, input, context);
        break;
      case "Wait":
        step = waitState(state, input, context, run);
        break;
      case "Succeed":
        step = new Step(output(state, effectiveInput(state, input, context), context), null);
        break;
      case "Fail":
        throw fail(state, input, context);
      default:
        throw new StatesException(
            StatesException.RUNTIME, "Unsupported state type " + type + " in " + name);
    }
    run.event(type + "StateExited", name, () -> stateDetails(name, "output", step.output()));
    return step;
  }

  private JsonNode effectiveInput(JsonNode state, JsonNode input, JsonNode context) {
    return flow.select(path(state, "InputPath"), input, context, "InputPath");
  }

  private JsonNode output(JsonNode state, JsonNode data, JsonNode context) {
    return flow.select(path(state, "OutputPath"), data, context, "OutputPath");
  }

  /** A path field: absent means "$", JSON null means null (empty object / discard). */
  private static String path(JsonNode state, String field) {
    JsonNode value = state.get(field);
    return value == null ? "$" : value.isNull() ? null : value.asText();
  }

  private static String next(JsonNode state) {
    return state.path("End").asBoolean(false) ? null : state.path("Next").asText(null);
  }

  private Step pass(JsonNode state, JsonNode input, JsonNode context) {
    JsonNode effective = effectiveInput(state, input, context);
    JsonNode result =
        state.has("Result")
            ? state.get("Result")
            : state.has("Parameters")
                ? flow.applyTemplate(state.get("Parameters"), effective, context)
                : effective;
    return new Step(output(state, place(state, input, result), context), next(state));
  }

  private JsonNode place(JsonNode state, JsonNode rawInput, JsonNode result) {
    JsonNode resultPath = state.get("ResultPath");
    boolean discard = resultPath != null && resultPath.isNull();
    return flow.applyResultPath(
        rawInput, result, resultPath == null ? "$" : resultPath.asText(), discard);
  }

  /**
   * The part of Task, Parallel and Map that their Retry and Catch cover: effective input, the work
   * on it, ResultSelector, ResultPath and OutputPath; each retry starts over.
   */
  private Step withRetryAndCatch(
      JsonNode state,
      JsonNode input,
      ObjectNode context,
      String name,
      Run run,
      UnaryOperator<JsonNode> work) {
    List<Retrier> retriers = new ArrayList<>();
    state.path("Retry").forEach(r -> retriers.add(Retrier.parse(r)));
    RetryState retries = new RetryState(retriers, random);
    int retryCount = 0;
    while (true) {
      try {
        JsonNode effective = effectiveInput(state, input, context);
        JsonNode result = work.apply(effective);
        if (state.has("ResultSelector")) {
          result = flow.applyTemplate(state.get("ResultSelector"), result, context);
        }
        return new Step(output(state, place(state, input, result), context), next(state));
      } catch (StatesException failure) {
        Optional<Duration> delay = retries.onError(failure.error());
        if (delay.isPresent()) {
          run.sleep(delay.get());
          ObjectNode stateContext = context.putObject("State");
          stateContext.put("EnteredTime", timestamp(scheduler.now()));
          stateContext.put("Name", name);
          stateContext.put("RetryCount", ++retryCount);
          continue;
        }
        return caught(state, input, context, failure).orElseThrow(() -> failure);
      }
    }
  }

  // ---- Task ----

  private JsonNode invokeTask(
      String name, JsonNode state, JsonNode effective, ObjectNode context, Run run) {
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
        return run.await(outcome, earliest(timeoutAt, heartbeatAt));
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

  private record Stamp(Instant instant, String text) {}

  private String timestamp(Instant now) {
    Stamp last = lastStamp;
    if (last.instant().equals(now)) {
      return last.text();
    }
    Stamp stamp = new Stamp(now, now.toString());
    lastStamp = stamp;
    return stamp.text();
  }

  // ---- Parallel and Map ----

  /** Every branch on the same input; outputs in branch order; a failing branch fails the state. */
  private JsonNode parallel(
      String name, JsonNode state, JsonNode effective, ObjectNode context, Run run) {
    JsonNode branchInput =
        state.has("Parameters")
            ? flow.applyTemplate(state.get("Parameters"), effective, context)
            : effective;
    JsonNode definitions = state.path("Branches");
    run.event("ParallelStateStarted", name);
    try {
      JsonNode[] outputs =
          fanOut(
              definitions.size(),
              0,
              null,
              (index, branchRun) ->
                  runMachine(definitions.get(index), branchInput, context.deepCopy(), branchRun),
              run);
      run.event("ParallelStateSucceeded", name);
      return NODES.arrayNode().addAll(List.of(outputs));
    } catch (StatesException failure) {
      run.event("ParallelStateFailed", name, errorDetails(failure));
      throw failure;
    }
  }

  /** An inline Map: the item processor over each item of ItemsPath, outputs in item order. */
  private JsonNode map(
      String name, JsonNode state, JsonNode effective, ObjectNode context, Run run) {
    String itemsPath = state.has("ItemsPath") ? state.get("ItemsPath").asText() : "$";
    JsonNode items = flow.select(itemsPath, effective, context, "ItemsPath");
    if (!items.isArray()) {
      throw new StatesException(
          StatesException.RUNTIME,
          "Map state's ItemsPath must select an array, not " + items.getNodeType());
    }
    JsonNode processor =
        state.has("ItemProcessor") ? state.get("ItemProcessor") : state.get("Iterator");
    JsonNode selector =
        state.has("ItemSelector") ? state.get("ItemSelector") : state.get("Parameters");
    int concurrency = (int) number(state, "MaxConcurrency", effective, context, 0, false);
    Tolerance tolerance = tolerance(state, effective, context);
    run.event("MapStateStarted", name, NODES.objectNode().put("length", items.size()));
    try {
      JsonNode[] outputs =
          fanOut(
              items.size(),
              concurrency,
              tolerance,
              (index, itemRun) -> {
                ObjectNode itemContext = context.deepCopy();
                ObjectNode item = itemContext.putObject("Map").putObject("Item");
                item.put("Index", index);
                item.set("Value", items.get(index));
                ObjectNode iteration = NODES.objectNode().put("name", name).put("index", index);
                itemRun.event("MapIterationStarted", name, iteration);
                try {
                  JsonNode itemInput =
                      selector == null
                          ? items.get(index)
                          : flow.applyTemplate(selector, effective, itemContext);
                  JsonNode output = runMachine(processor, itemInput, itemContext, itemRun);
                  itemRun.event("MapIterationSucceeded", name, iteration);
                  return output;
                } catch (StatesException failure) {
                  itemRun.event("MapIterationFailed", name, iteration);
                  throw failure;
                }
              },
              run);
      run.event("MapStateSucceeded", name);
      return NODES.arrayNode().addAll(List.of(outputs));
    } catch (StatesException failure) {
      run.event("MapStateFailed", name, errorDetails(failure));
      throw failure;
    }
  }

  private static ObjectNode errorDetails(StatesException failure) {
    return NODES.objectNode().put("error", failure.error()).put("cause", failure.cause());
  }

  /**
   * ToleratedFailureCount / ToleratedFailurePercentage (or their Path forms), or null when the
   * state sets neither: then the first failing iteration fails the Map with its own error.
   */
  private record Tolerance(long count, double percentage) {
    boolean exceeded(int failures, int total) {
      return failures > count || (total > 0 && 100.0 * failures / total > percentage);
    }
  }

  private Tolerance tolerance(JsonNode state, JsonNode effective, JsonNode context) {
    boolean hasCount = state.has("ToleratedFailureCount") || state.has("ToleratedFailureCountPath");
    boolean hasPercentage =
        state.has("ToleratedFailurePercentage") || state.has("ToleratedFailurePercentagePath");
    if (!hasCount && !hasPercentage) {
      return null;
    }
    long count =
        hasCount
            ? (long) number(state, "ToleratedFailureCount", effective, context, 0, false)
            : Long.MAX_VALUE;
    double percentage =
        hasPercentage
            ? number(state, "ToleratedFailurePercentage", effective, context, 0, true)
            : 100.0;
    if (percentage > 100) {
      throw new StatesException(
          StatesException.RUNTIME, "ToleratedFailurePercentage must be between 0 and 100");
    }
    return new Tolerance(count, percentage);
  }

  /** A non-negative number field or its Path form; {@code absent} when neither is set. */
  private double number(
      JsonNode state,
      String field,
      JsonNode effective,
      JsonNode context,
      double absent,
      boolean fractional) {
    JsonNode value;
    if (state.has(field)) {
      value = state.get(field);
    } else if (state.has(field + "Path")) {
      value = flow.select(state.get(field + "Path").asText(), effective, context, field + "Path");
    } else {
      return absent;
    }
    if (!value.isNumber() || (!fractional && !value.isIntegralNumber()) || value.asDouble() < 0) {
      throw new StatesException(
          StatesException.RUNTIME,
          field
              + " must be a non-negative "
              + (fractional ? "number" : "integer")
              + ", not "
              + value);
    }
    return value.asDouble();
  }

  @FunctionalInterface
  private interface Branch {
    JsonNode run(int index, Run run);
  }

  /**
   * Runs {@code count} branches or iterations on the branch executor, at most {@code limit} at a
   * time (0: the inline Map's 40), each with a cancellation shared by its siblings. Without a
   * tolerance the first failure cancels the rest and is rethrown; with one, failures are counted
   * (the failed iteration's output is its Error and Cause) until the threshold is exceeded, which
   * fails with States.ExceedToleratedFailureThreshold.
   */
  private JsonNode[] fanOut(int count, int limit, Tolerance tolerance, Branch branch, Run parent) {
    JsonNode[] outputs = new JsonNode[count];
    if (count == 0) {
      return outputs;
    }
    Run siblings = parent.child();
    AtomicInteger next = new AtomicInteger();
    AtomicInteger failures = new AtomicInteger();
    AtomicReference<RuntimeException> firstFailure = new AtomicReference<>();
    Runnable worker =
        () -> {
          int index;
          while (!siblings.cancelled.isDone() && (index = next.getAndIncrement()) < count) {
            try {
              outputs[index] = branch.run(index, siblings);
            } catch (StatesException failure) {
              if (tolerance != null) {
                outputs[index] =
                    NODES.objectNode().put("Error", failure.error()).put("Cause", failure.cause());
                if (!tolerance.exceeded(failures.incrementAndGet(), count)) {
                  continue;
                }
                failure =
                    new StatesException(
                        EXCEED_TOLERATED_FAILURE_THRESHOLD,
                        "The specified tolerated failure threshold was exceeded");
              }
              stopSiblings(siblings, firstFailure, failure);
            } catch (ExecutionAbort abort) {
              if (!ExecutionAbort.CANCELLED.equals(abort.status())) {
                stopSiblings(siblings, firstFailure, abort);
              }
            } catch (RuntimeException unexpected) {
              stopSiblings(siblings, firstFailure, unexpected);
            }
          }
        };
    int workers = Math.min(count, limit == 0 ? INLINE_MAP_CONCURRENCY : limit);
    CompletableFuture<?>[] running = new CompletableFuture<?>[workers];
    for (int w = 0; w < workers; w++) {
      running[w] = CompletableFuture.runAsync(worker, branches);
    }
    try {
      parent.await(CompletableFuture.allOf(running), null);
    } catch (TimeoutException e) {
      throw new IllegalStateException("a wait without a deadline timed out", e);
    }
    RuntimeException failure = firstFailure.get();
    if (failure != null) {
      throw failure;
    }
    return outputs;
  }

  private static void stopSiblings(
      Run siblings, AtomicReference<RuntimeException> firstFailure, RuntimeException failure) {
    if (firstFailure.compareAndSet(null, failure)) {
      siblings.cancelled.complete(
          new ExecutionAbort(ExecutionAbort.CANCELLED, null, "a sibling branch failed"));
    }
  }

  /** The first catcher matching the error: its Next, with Error and Cause at its ResultPath. */
  private Optional<Step> caught(
      JsonNode state, JsonNode input, JsonNode context, StatesException failure) {
    for (JsonNode catcher : state.path("Catch")) {
      List<String> errors = new ArrayList<>();
      catcher.path("ErrorEquals").forEach(e -> errors.add(e.asText()));
      if (ErrorNames.matches(errors, failure.error())) {
        ObjectNode errorOutput =
            NODES.objectNode().put("Error", failure.error()).put("Cause", failure.cause());
        JsonNode output = place(catcher, input, errorOutput);
        return Optional.of(new Step(output, catcher.path("Next").asText()));
      }
    }
    return Optional.empty();
  }

  // ---- Choice, Wait, Fail ----

  private Step choice(JsonNode state, JsonNode input, JsonNode context) {
    JsonNode effective = effectiveInput(state, input, context);
    for (JsonNode rule : state.path("Choices")) {
      if (ChoiceRules.parse(rule).test(effective, context)) {
        return new Step(output(state, effective, context), rule.path("Next").asText());
      }
    }
    if (state.has("Default")) {
      return new Step(output(state, effective, context), state.get("Default").asText());
    }
    throw new StatesException(
        ErrorNames.NO_CHOICE_MATCHED,
        "No Matches! (no choice rule matched and there is no Default)");
  }

  private Step waitState(JsonNode state, JsonNode input, JsonNode context, Run run) {
    JsonNode effective = effectiveInput(state, input, context);
    Instant now = scheduler.now();
    Duration wait;
    if (state.has("Seconds")) {
      wait = Duration.ofSeconds(state.get("Seconds").asLong());
    } else if (state.has("SecondsPath")) {
      JsonNode seconds =
          flow.select(state.get("SecondsPath").asText(), effective, context, "SecondsPath");
      if (!seconds.canConvertToLong() || seconds.asLong() < 0) {
        throw new StatesException(
            StatesException.RUNTIME, "SecondsPath must select a non-negative integer");
      }
      wait = Duration.ofSeconds(seconds.asLong());
    } else {
      String timestamp =
          state.has("Timestamp")
              ? state.get("Timestamp").asText()
              : flow.select(
                      state.path("TimestampPath").asText(), effective, context, "TimestampPath")
                  .asText();
      try {
        wait = Duration.between(now, OffsetDateTime.parse(timestamp).toInstant());
      } catch (DateTimeParseException e) {
        throw new StatesException(
            StatesException.RUNTIME, "The timestamp '" + timestamp + "' is not ISO-8601");
      }
    }
    run.sleep(wait);
    return new Step(output(state, effective, context), next(state));
  }

  private StatesException fail(JsonNode state, JsonNode input, JsonNode context) {
    String error =
        state.has("ErrorPath")
            ? failField(state.get("ErrorPath").asText(), input, context, "ErrorPath")
            : state.path("Error").asText("States.Fail");
    String cause =
        state.has("CausePath")
            ? failField(state.get("CausePath").asText(), input, context, "CausePath")
            : state.path("Cause").asText("");
    return new StatesException(error, cause);
  }

  /**
   * ErrorPath / CausePath: a path, or an intrinsic function returning a string (Developer Guide,
   * "Fail state": "You can also specify CausePath using an intrinsic function that returns a
   * string"), on the state's input.
   */
  private String failField(String expression, JsonNode input, JsonNode context, String field) {
    JsonNode value =
        expression.startsWith("States.")
            ? flow.applyTemplate(NODES.objectNode().put("value.$", expression), input, context)
                .get("value")
            : flow.select(expression, input, context, field);
    if (!value.isTextual()) {
      throw new StatesException(
          StatesException.RUNTIME, field + " must select a string, not " + value.getNodeType());
    }
    return value.textValue();
  }

  // ---- construction ----

  /** Waits reported to {@code waiter} and over at once, on a fixed clock. */
  private static Scheduler instant(Clock clock, Consumer<Duration> waiter) {
    return new Scheduler() {
      @Override
      public Instant now() {
        return clock.instant();
      }

      @Override
      public CompletableFuture<Void> after(Duration delay) {
        if (!delay.isNegative() && !delay.isZero()) {
          waiter.accept(delay);
        }
        return CompletableFuture.completedFuture(null);
      }

      @Override
      public <T> T await(CompletableFuture<T> work, Instant deadline) throws TimeoutException {
        if (!work.isDone() && deadline != null) {
          throw new TimeoutException();
        }
        try {
          return work.join();
        } catch (RuntimeException e) {
          throw Futures.unwrap(e);
        }
      }
    };
  }

  public static final class Builder {
    private IntrinsicFunctions intrinsics = IntrinsicFunctions.withDefaults();
    private TaskInvoker tasks;
    private Scheduler scheduler = Scheduler.real(Clock.systemUTC());
    private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();
    private Executor branches = Runnable::run;
    private Executor taskExecutor = Runnable::run;
    private TaskTokens tokens = new TaskTokens(() -> UUID.randomUUID().toString());

    private Builder() {}

    public Builder intrinsics(IntrinsicFunctions intrinsics) {
      this.intrinsics = Objects.requireNonNull(intrinsics, "intrinsics");
      return this;
    }

    public Builder tasks(TaskInvoker tasks) {
      this.tasks = Objects.requireNonNull(tasks, "tasks");
      return this;
    }

    public Builder scheduler(Scheduler scheduler) {
      this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
      return this;
    }

    /** The jitter source of JitterStrategy FULL, in [0, 1). */
    public Builder random(DoubleSupplier random) {
      this.random = Objects.requireNonNull(random, "random");
      return this;
    }

    /** Where Parallel branches and Map iterations run (direct: one after another). */
    public Builder branchExecutor(Executor branches) {
      this.branches = Objects.requireNonNull(branches, "branches");
      return this;
    }

    /** Where synchronous tasks run (direct: on the execution's thread). */
    public Builder taskExecutor(Executor taskExecutor) {
      this.taskExecutor = Objects.requireNonNull(taskExecutor, "taskExecutor");
      return this;
    }

    public Builder tokens(TaskTokens tokens) {
      this.tokens = Objects.requireNonNull(tokens, "tokens");
      return this;
    }

    public Interpreter build() {
      return new Interpreter(this);
    }
  }
}
