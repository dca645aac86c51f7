package dev.orderly.stepfunctions.internal.interpreter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;

/**
 * Runs a JSONPath-mode state machine to its end: Pass, Task, Choice, Wait, Succeed, Fail, Parallel
 * and inline Map (items one after another), with each state's data flow, Retry and Catch.
 * (Timeouts, heartbeats, task tokens and Map failure tolerance come next.) Time is injected: the
 * clock stamps history and the waiter performs Wait states and retry delays, instantly in tests and
 * really in a running local cloud.
 */
public final class Interpreter {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final DataFlow flow;
  private final TaskInvoker tasks;
  private final Clock clock;
  private final Consumer<Duration> waiter;
  private final DoubleSupplier random;

  public Interpreter(
      IntrinsicFunctions intrinsics,
      TaskInvoker tasks,
      Clock clock,
      Consumer<Duration> waiter,
      DoubleSupplier random) {
    this.flow = new DataFlow(Objects.requireNonNull(intrinsics, "intrinsics"));
    this.tasks = Objects.requireNonNull(tasks, "tasks");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.waiter = Objects.requireNonNull(waiter, "waiter");
    this.random = Objects.requireNonNull(random, "random");
  }

  public ExecutionResult run(JsonNode definition, JsonNode input, String executionName) {
    History history = new History(clock);
    ObjectNode context = NODES.objectNode();
    ObjectNode execution = context.putObject("Execution");
    execution.put("Id", "arn:aws:states:local:000000000000:execution:machine:" + executionName);
    execution.put("Name", executionName);
    execution.set("Input", input);
    execution.put("StartTime", clock.instant().toString());
    history.add("ExecutionStarted", null, input);
    try {
      JsonNode output = runMachine(definition, input, context, history);
      history.add("ExecutionSucceeded", null, output);
      return new ExecutionResult("SUCCEEDED", output, null, null, history.events());
    } catch (StatesException failure) {
      ObjectNode details =
          NODES.objectNode().put("error", failure.error()).put("cause", failure.cause());
      history.add("ExecutionFailed", null, details);
      return new ExecutionResult(
          "FAILED", null, failure.error(), failure.cause(), history.events());
    }
  }

  /** Runs a machine or a branch (StartAt + States) to its end; a failure propagates. */
  private JsonNode runMachine(
      JsonNode machine, JsonNode input, ObjectNode context, History history) {
    String stateName = machine.path("StartAt").asText();
    JsonNode data = input;
    while (true) {
      JsonNode state = machine.path("States").get(stateName);
      if (state == null) {
        throw new StatesException(StatesException.RUNTIME, "No state named " + stateName);
      }
      ObjectNode stateContext = context.putObject("State");
      stateContext.put("Name", stateName);
      stateContext.put("EnteredTime", clock.instant().toString());
      stateContext.put("RetryCount", 0);
      Step step = runState(stateName, state, data, context, history);
      data = step.output();
      if (step.next() == null) {
        return data;
      }
      stateName = step.next();
    }
  }

  private record Step(JsonNode output, String next) {}

  private Step runState(
      String name, JsonNode state, JsonNode input, ObjectNode context, History history) {
    String type = state.path("Type").asText();
    history.add(type + "StateEntered", name, input);
    Step step;
    switch (type) {
      case "Pass":
        step = pass(state, input, context);
        break;
      case "Task":
        step =
            withRetryAndCatch(
                state, input, context, name, e -> invokeTask(name, state, e, context, history));
        break;
      case "Parallel":
        step =
            withRetryAndCatch(
                state, input, context, name, e -> parallel(state, e, context, history));
        break;
      case "Map":
        step = withRetryAndCatch(state, input, context, name, e -> map(state, e, context, history));
        break;
      case "Choice":
        step = choice(state, input, context);
        break;
      case "Wait":
        step = waitState(state, input, context);
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
    history.add(type + "StateExited", name, step.output());
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
      java.util.function.UnaryOperator<JsonNode> work) {
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
          waiter.accept(delay.get());
          context.putObject("State").put("Name", name).put("RetryCount", ++retryCount);
          continue;
        }
        return caught(state, input, context, failure).orElseThrow(() -> failure);
      }
    }
  }

  private JsonNode invokeTask(
      String name, JsonNode state, JsonNode effective, ObjectNode context, History history) {
    JsonNode parameters =
        state.has("Parameters")
            ? flow.applyTemplate(state.get("Parameters"), effective, context)
            : effective;
    String resource = state.path("Resource").asText();
    history.add(
        "TaskScheduled",
        name,
        NODES.objectNode().put("resource", resource).set("parameters", parameters));
    try {
      JsonNode result = tasks.invoke(resource, parameters);
      history.add("TaskSucceeded", name, result);
      return result;
    } catch (StatesException failure) {
      history.add(
          "TaskFailed",
          name,
          NODES.objectNode().put("error", failure.error()).put("cause", failure.cause()));
      throw failure;
    }
  }

  /** Every branch on the same input; outputs in branch order; a failing branch fails the state. */
  private JsonNode parallel(
      JsonNode state, JsonNode effective, ObjectNode context, History history) {
    JsonNode branchInput =
        state.has("Parameters")
            ? flow.applyTemplate(state.get("Parameters"), effective, context)
            : effective;
    ArrayNode outputs = NODES.arrayNode();
    for (JsonNode branch : state.path("Branches")) {
      outputs.add(runMachine(branch, branchInput, context.deepCopy(), history));
    }
    return outputs;
  }

  /** An inline Map: the item processor over each item of ItemsPath, outputs in item order. */
  private JsonNode map(JsonNode state, JsonNode effective, ObjectNode context, History history) {
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
    ArrayNode outputs = NODES.arrayNode();
    for (int index = 0; index < items.size(); index++) {
      ObjectNode itemContext = context.deepCopy();
      ObjectNode item = itemContext.putObject("Map").putObject("Item");
      item.put("Index", index);
      item.set("Value", items.get(index));
      JsonNode itemInput =
          selector == null
              ? items.get(index)
              : flow.applyTemplate(selector, effective, itemContext);
      outputs.add(runMachine(processor, itemInput, itemContext, history));
    }
    return outputs;
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

  private Step waitState(JsonNode state, JsonNode input, JsonNode context) {
    JsonNode effective = effectiveInput(state, input, context);
    Instant now = clock.instant();
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
      wait = Duration.between(now, OffsetDateTime.parse(timestamp).toInstant());
    }
    if (!wait.isNegative() && !wait.isZero()) {
      waiter.accept(wait);
    }
    return new Step(output(state, effective, context), next(state));
  }

  private StatesException fail(JsonNode state, JsonNode input, JsonNode context) {
    String error =
        state.has("ErrorPath")
            ? flow.select(state.get("ErrorPath").asText(), input, context, "ErrorPath").asText()
            : state.path("Error").asText("States.Fail");
    String cause =
        state.has("CausePath")
            ? flow.select(state.get("CausePath").asText(), input, context, "CausePath").asText()
            : state.path("Cause").asText("");
    return new StatesException(error, cause);
  }
}
