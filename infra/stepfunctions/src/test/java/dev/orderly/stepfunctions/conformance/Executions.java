package dev.orderly.stepfunctions.conformance;

import dev.orderly.stepfunctions.VirtualScheduler;
import dev.orderly.stepfunctions.internal.interpreter.Interpreter;
import dev.orderly.stepfunctions.internal.interpreter.TaskTokens;
import dev.orderly.stepfunctions.internal.intrinsics.IntrinsicFunctions;
import dev.orderly.stepfunctions.oracle.AwsLocalStepFunctions;
import dev.orderly.stepfunctions.oracle.OracleRequest;
import dev.orderly.stepfunctions.oracle.TaskOutcome;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** Runs a corpus case on each side with the same scripted tasks. */
final class Executions {
  /** Where the interpreter's virtual time starts, so that runs are reproducible. */
  static final Instant START = Instant.parse("2026-05-01T10:00:00Z");

  private Executions() {}

  static Outcome onOracle(AwsLocalStepFunctions oracle, ConformanceCase c) {
    OracleRequest request = OracleRequest.of(c.definition(), c.input());
    for (Map.Entry<String, List<TaskOutcome>> e : c.tasks().entrySet()) {
      request = request.withTask(e.getKey(), e.getValue().toArray(TaskOutcome[]::new));
    }
    return Outcome.of(oracle.execute(request));
  }

  /**
   * Runs {@code c} on the interpreter on virtual time (waits, retry delays, slow tasks and timeouts
   * cost nothing) with a fixed jitter draw; the scripted tasks are left holding whatever the run
   * did not consume.
   */
  static Outcome onInterpreter(ConformanceCase c, ScriptedTaskFactory tasks) {
    VirtualScheduler time = new VirtualScheduler(START);
    AtomicInteger ids = new AtomicInteger();
    TaskTokens tokens = new TaskTokens(() -> String.format("%032d", ids.incrementAndGet()));
    Interpreter interpreter =
        Interpreter.builder()
            .intrinsics(new IntrinsicFunctions(new Random(7), Random::new, UUID::randomUUID))
            .tasks(tasks.create(time, tokens))
            .scheduler(time)
            .tokens(tokens)
            .random(() -> 0.5)
            .build();
    return Outcome.of(interpreter.run(c.definition(), c.input(), "conformance"));
  }

  /** Builds the case's scripted tasks on the run's virtual time and task tokens. */
  @FunctionalInterface
  interface ScriptedTaskFactory {
    ScriptedTasks create(VirtualScheduler time, TaskTokens tokens);
  }
}
