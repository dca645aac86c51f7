package dev.orderly.stepfunctions.conformance;

import dev.orderly.stepfunctions.internal.interpreter.Interpreter;
import dev.orderly.stepfunctions.internal.intrinsics.IntrinsicFunctions;
import dev.orderly.stepfunctions.oracle.AwsLocalStepFunctions;
import dev.orderly.stepfunctions.oracle.OracleRequest;
import dev.orderly.stepfunctions.oracle.TaskOutcome;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/** Runs a corpus case on each side with the same scripted tasks. */
final class Executions {
  /** The interpreter's clock: fixed, so that Wait states and history stamps are reproducible. */
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-05-01T10:00:00Z"), ZoneOffset.UTC);

  private Executions() {}

  static Outcome onOracle(AwsLocalStepFunctions oracle, ConformanceCase c) {
    OracleRequest request = OracleRequest.of(c.definition(), c.input());
    for (Map.Entry<String, List<TaskOutcome>> e : c.tasks().entrySet()) {
      request = request.withTask(e.getKey(), e.getValue().toArray(TaskOutcome[]::new));
    }
    return Outcome.of(oracle.execute(request));
  }

  /**
   * Runs {@code c} on the interpreter with a fixed clock, waits that take no time and a fixed
   * jitter draw; {@code tasks} is left holding whatever the run did not consume.
   */
  static Outcome onInterpreter(ConformanceCase c, ScriptedTasks tasks) {
    Interpreter interpreter =
        new Interpreter(
            new IntrinsicFunctions(new Random(7), Random::new, UUID::randomUUID),
            tasks,
            CLOCK,
            wait -> {},
            () -> 0.5);
    return Outcome.of(interpreter.run(c.definition(), c.input(), "conformance"));
  }
}
