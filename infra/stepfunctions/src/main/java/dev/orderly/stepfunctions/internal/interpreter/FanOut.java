package dev.orderly.stepfunctions.internal.interpreter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderly.stepfunctions.internal.StatesException;
import dev.orderly.stepfunctions.internal.dataflow.DataFlow;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Parallel and inline Map: branches and iterations on the branch executor, each with a cancellation
 * shared by its siblings, Map's MaxConcurrency and failure tolerance, and their history events.
 */
final class FanOut {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  static final String EXCEED_TOLERATED_FAILURE_THRESHOLD = "States.ExceedToleratedFailureThreshold";

  /** Inline Map runs at most 40 iterations at once (Developer Guide, "Map state", inline mode). */
  private static final int INLINE_MAP_CONCURRENCY = 40;

  /** Runs a branch or an item processor (StartAt + States) to its end. */
  @FunctionalInterface
  interface Machines {
    JsonNode run(JsonNode machine, JsonNode input, ObjectNode context, Run run);
  }

  private final DataFlow flow;
  private final Executor branches;
  private final Machines machines;

  FanOut(DataFlow flow, Executor branches, Machines machines) {
    this.flow = flow;
    this.branches = branches;
    this.machines = machines;
  }

  /** Every branch on the same input; outputs in branch order; a failing branch fails the state. */
  JsonNode parallel(String name, JsonNode state, JsonNode effective, ObjectNode context, Run run) {
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
                  machines.run(definitions.get(index), branchInput, context.deepCopy(), branchRun),
              run);
      run.event("ParallelStateSucceeded", name);
      return NODES.arrayNode().addAll(List.of(outputs));
    } catch (StatesException failure) {
      run.event("ParallelStateFailed", name, errorDetails(failure));
      throw failure;
    }
  }

  /** An inline Map: the item processor over each item of ItemsPath, outputs in item order. */
  JsonNode map(String name, JsonNode state, JsonNode effective, ObjectNode context, Run run) {
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
                  JsonNode output = machines.run(processor, itemInput, itemContext, itemRun);
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
}
