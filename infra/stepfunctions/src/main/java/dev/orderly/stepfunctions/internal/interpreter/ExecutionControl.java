package dev.orderly.stepfunctions.internal.interpreter;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The outside's handle on a running execution: its live history (readable while it runs) and a stop
 * signal (StopExecution).
 */
public final class ExecutionControl {
  private final History history;
  private final CompletableFuture<ExecutionAbort> stop = new CompletableFuture<>();

  public ExecutionControl() {
    this.history = new History();
  }

  /** Asks the execution to end as ABORTED with the given error and cause. */
  public void stop(String error, String cause) {
    stop.complete(new ExecutionAbort(ExecutionAbort.ABORTED, error, cause));
  }

  public List<HistoryEvent> history() {
    return history.events();
  }

  History log() {
    return history;
  }

  CompletableFuture<ExecutionAbort> stopSignal() {
    return stop;
  }
}
