package dev.orderly.stepfunctions.internal.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderly.stepfunctions.internal.interpreter.ExecutionControl;
import dev.orderly.stepfunctions.internal.interpreter.ExecutionResult;
import dev.orderly.stepfunctions.internal.interpreter.HistoryEvent;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** One execution: what started it, its live history and stop switch, and how it ended. */
public final class Execution {
  private final String arn;
  private final String name;
  private final StateMachine stateMachine;
  private final String inputText;
  private final JsonNode input;
  private final Instant startDate;
  private final ExecutionControl control = new ExecutionControl();
  private final CompletableFuture<ExecutionResult> result = new CompletableFuture<>();
  private volatile Instant stopDate;

  Execution(
      String arn,
      String name,
      StateMachine stateMachine,
      String inputText,
      JsonNode input,
      Instant startDate) {
    this.arn = arn;
    this.name = name;
    this.stateMachine = stateMachine;
    this.inputText = inputText;
    this.input = input;
    this.startDate = startDate;
  }

  public String arn() {
    return arn;
  }

  public String name() {
    return name;
  }

  public StateMachine stateMachine() {
    return stateMachine;
  }

  public String inputText() {
    return inputText;
  }

  JsonNode input() {
    return input;
  }

  public Instant startDate() {
    return startDate;
  }

  /** RUNNING until the interpreter returns, then its status. */
  public String status() {
    return result.isDone() ? result.join().status() : "RUNNING";
  }

  /** The end, once there is one. */
  public ExecutionResult result() {
    return result.getNow(null);
  }

  public CompletableFuture<ExecutionResult> completion() {
    return result;
  }

  public Instant stopDate() {
    return stopDate;
  }

  public List<HistoryEvent> history() {
    return control.history();
  }

  ExecutionControl control() {
    return control;
  }

  void finish(ExecutionResult ended, Instant at) {
    stopDate = at;
    result.complete(ended);
  }
}
