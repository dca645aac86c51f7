package dev.orderly.contracts.saga;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderly.contracts.Repository;
import dev.orderly.stepfunctions.internal.interpreter.ExecutionResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One execution of the saga: how it ended and every task attempt it made, in order. */
record SagaRun(ExecutionResult result, List<SagaTasks.Call> calls, Instant started) {
  SagaRun {
    calls = List.copyOf(calls);
  }

  /** The step of every attempt, retries included. */
  List<String> steps() {
    return calls.stream().map(SagaTasks.Call::step).toList();
  }

  /** The steps in the order they ran, each run of retries counted once. */
  List<String> stepsWithoutRetries() {
    List<String> steps = new ArrayList<>();
    for (String step : steps()) {
      if (steps.isEmpty() || !steps.get(steps.size() - 1).equals(step)) {
        steps.add(step);
      }
    }
    return steps;
  }

  /** The names the last DLQ message lists as still to be done. */
  List<String> pendingInDlqMessage() {
    List<String> pending = new ArrayList<>();
    dlqMessages()
        .get(dlqMessages().size() - 1)
        .get("pendingCompensations")
        .forEach(n -> pending.add(n.asText()));
    return pending;
  }

  List<SagaTasks.Call> callsOf(String step) {
    return calls.stream().filter(c -> c.step().equals(step)).toList();
  }

  long attempts(String step) {
    return callsOf(step).size();
  }

  /** The virtual time from the start to each attempt of {@code step}. */
  List<Duration> attemptTimes(String step) {
    return callsOf(step).stream().map(c -> Duration.between(started, c.at())).toList();
  }

  /** The messages sent to the compensation DLQ, parsed. */
  List<JsonNode> dlqMessages() {
    return callsOf(SagaTasks.DLQ_STEP).stream()
        .map(c -> c.parameters().get("MessageBody"))
        .map(body -> body.isTextual() ? Repository.json(body.textValue()) : body)
        .toList();
  }

  String status() {
    return result.status();
  }

  String error() {
    return result.error();
  }
}
