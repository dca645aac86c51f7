package dev.orderly.stepfunctions.internal.interpreter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderly.stepfunctions.Scheduler;
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
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
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

  private final DataFlow flow;
  private final Scheduler scheduler;
  private final DoubleSupplier random;
  private final TaskRunner taskRunner;
  private final FanOut fanOut;

  /** The last instant formatted: many states enter within the same millisecond. */
  private volatile Stamp lastStamp = new Stamp(Instant.EPOCH, Instant.EPOCH.toString());

  private Interpreter(Builder builder) {
    this.flow = new DataFlow(builder.intrinsics);
    this.scheduler = builder.scheduler;
    this.random = builder.random;
    this.taskRunner =
        new TaskRunner(
            flow,
            Objects.requireNonNull(builder.tasks, "tasks"),
            scheduler,
            builder.taskExecutor,
            builder.tokens);
    this.fanOut = new FanOut(flow, builder.branches, this::runMachine);
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
            .scheduler(InstantScheduler.of(clock, waiter))
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
    Run run = new Run(scheduler, deadline, new CompletableFuture<>(), control.log());
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
                state,
                input,
                context,
                name,
                run,
                e -> taskRunner.run(name, state, e, context, run));
        break;
      case "Parallel":
        step =
            withRetryAndCatch(
                state,
                input,
                context,
                name,
                run,
                e -> fanOut.parallel(name, state, e, context, run));
        break;
      case "Map":
        step =
            withRetryAndCatch(
                state, input, context, name, run, e -> fanOut.map(name, state, e, context, run));
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
