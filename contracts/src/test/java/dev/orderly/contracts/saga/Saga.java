package dev.orderly.contracts.saga;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderly.contracts.Repository;
import dev.orderly.stepfunctions.VirtualScheduler;
import dev.orderly.stepfunctions.internal.interpreter.ExecutionResult;
import dev.orderly.stepfunctions.internal.interpreter.Interpreter;
import java.time.Instant;

/**
 * The order saga on Orderly's ASL interpreter, on virtual time: retry backoff costs nothing and a
 * fixed jitter draw makes every wait exact. The input is the {@code OrderPlaced} detail of {@code
 * events/StartSagaFunction.json}, so the sample and the saga cannot drift apart; the execution is
 * named by its orderId, as StartSaga names it.
 */
final class Saga {
  static final Instant START = Instant.parse("2026-05-01T10:00:00Z");

  /** FULL jitter waits this fraction of each capped backoff. */
  static final double JITTER_DRAW = 0.5;

  private final VirtualScheduler time = new VirtualScheduler(START);
  private final SagaTasks tasks = new SagaTasks(time);

  SagaTasks tasks() {
    return tasks;
  }

  /** The OrderPlaced detail the saga starts from: the StartSaga sample's first record. */
  static JsonNode orderPlaced() {
    JsonNode sample = Repository.json(Repository.path("events/StartSagaFunction.json"));
    String body = sample.at("/Records/0/body").textValue();
    return Repository.json(body).get("detail");
  }

  static String orderId() {
    return orderPlaced().at("/data/orderId").asText();
  }

  SagaRun run() {
    return run(orderPlaced());
  }

  SagaRun run(JsonNode input) {
    Interpreter interpreter =
        Interpreter.builder().scheduler(time).random(() -> JITTER_DRAW).tasks(tasks).build();
    Instant started = time.now();
    ExecutionResult result =
        interpreter.run(SagaDefinition.rendered(), input, input.at("/data/orderId").asText());
    return new SagaRun(result, tasks.calls(), started);
  }
}
