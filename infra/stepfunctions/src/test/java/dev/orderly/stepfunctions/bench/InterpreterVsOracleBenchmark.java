package dev.orderly.stepfunctions.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderly.stepfunctions.VirtualScheduler;
import dev.orderly.stepfunctions.internal.interpreter.ExecutionResult;
import dev.orderly.stepfunctions.internal.interpreter.Interpreter;
import dev.orderly.stepfunctions.oracle.AwsLocalStepFunctions;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * State transitions per second for a 10-state order saga with stubbed tasks: this interpreter vs
 * aws-local-stepfunctions 3.0.0, each running executions one after another in its own process (the
 * Node tool inside one long-running process, timed there, so no IPC is counted against it).
 *
 * <p>{@code mvn -B -q -pl infra/stepfunctions -am test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.orderly.stepfunctions.bench.InterpreterVsOracleBenchmark}
 */
public final class InterpreterVsOracleBenchmark {
  static final String SAGA =
      """
      {"Comment": "10 states: the order saga's shape with its data flow",
       "StartAt": "Validate", "States": {
        "Validate": {"Type": "Pass", "Parameters": {"orderId.$": "$.orderId", "total.$": "$.total",
          "lines.$": "$.lines", "requestId.$": "States.Format('{}/saga', $.orderId)"}, "Next": "Reserve"},
        "Reserve": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:000000000000:function:reserve",
          "Parameters": {"orderId.$": "$.orderId", "lines.$": "$.lines"}, "ResultPath": "$.reservation",
          "Retry": [{"ErrorEquals": ["Transient"], "IntervalSeconds": 1, "MaxAttempts": 3, "BackoffRate": 2}],
          "Next": "Reserved?"},
        "Reserved?": {"Type": "Choice", "Choices": [
          {"Variable": "$.reservation.reserved", "BooleanEquals": true, "Next": "Charge"}], "Default": "Cancel"},
        "Charge": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:000000000000:function:charge",
          "Parameters": {"orderId.$": "$.orderId", "amount.$": "$.total"},
          "ResultSelector": {"chargeId.$": "$.id"}, "ResultPath": "$.payment",
          "Retry": [{"ErrorEquals": ["Transient"], "IntervalSeconds": 1, "MaxAttempts": 3, "BackoffRate": 2,
                     "MaxDelaySeconds": 10, "JitterStrategy": "FULL"}],
          "Catch": [{"ErrorEquals": ["PaymentDeclined"], "ResultPath": "$.error", "Next": "Cancel"}],
          "Next": "Charged?"},
        "Charged?": {"Type": "Choice", "Choices": [
          {"Variable": "$.payment.chargeId", "IsPresent": true, "Next": "Confirm"}], "Default": "Cancel"},
        "Confirm": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:000000000000:function:confirm",
          "Parameters": {"orderId.$": "$.orderId"}, "ResultPath": "$.confirmation", "Next": "Settle"},
        "Settle": {"Type": "Wait", "Seconds": 0, "Next": "Notify"},
        "Notify": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:000000000000:function:notify",
          "ResultPath": null, "Next": "Summarize"},
        "Summarize": {"Type": "Pass", "Parameters": {"orderId.$": "$.orderId", "status": "CONFIRMED",
          "chargeId.$": "$.payment.chargeId", "lineCount.$": "States.ArrayLength($.lines)"}, "Next": "Done"},
        "Done": {"Type": "Succeed"},
        "Cancel": {"Type": "Fail", "Error": "OrderCancelled"}}}
      """;
  static final String INPUT =
      "{\"orderId\": \"o-1\", \"total\": 2599, \"lines\": [{\"sku\": \"a\", \"qty\": 1}, {\"sku\": \"b\", \"qty\": 2}]}";
  static final Map<String, String> TASKS =
      Map.of(
          "arn:aws:lambda:us-east-1:000000000000:function:reserve", "{\"reserved\": true}",
          "arn:aws:lambda:us-east-1:000000000000:function:charge", "{\"id\": \"ch_1\", \"raw\": 1}",
          "arn:aws:lambda:us-east-1:000000000000:function:confirm", "{\"confirmed\": true}",
          "arn:aws:lambda:us-east-1:000000000000:function:notify", "{}");

  private InterpreterVsOracleBenchmark() {}

  public static void main(String[] args) {
    JsonNode definition = AwsLocalStepFunctions.json(SAGA);
    JsonNode input = AwsLocalStepFunctions.json(INPUT);
    Map<String, JsonNode> results = new java.util.HashMap<>();
    TASKS.forEach((resource, result) -> results.put(resource, AwsLocalStepFunctions.json(result)));

    Interpreter interpreter =
        Interpreter.builder()
            .scheduler(new VirtualScheduler(Instant.parse("2026-05-01T10:00:00Z")))
            .random(() -> 0.5)
            .tasks((resource, parameters) -> results.get(resource))
            .build();
    ExecutionResult sample = interpreter.run(definition, input, "sample");
    long transitions =
        sample.history().stream().filter(e -> e.type().endsWith("StateEntered")).count();
    if (!sample.succeeded() || transitions != 10) {
      throw new IllegalStateException("the saga must succeed through 10 states: " + sample);
    }

    double ours = interpreterRate(interpreter, definition, input, transitions);
    double oracle;
    JsonNode oracleOutput;
    try (AwsLocalStepFunctions node = AwsLocalStepFunctions.start()) {
      node.bench(definition, input, results, 1_000, 0, Duration.ofMinutes(2));
      oracle = 0;
      oracleOutput = null;
      for (int round = 0; round < 5; round++) {
        AwsLocalStepFunctions.BenchResult run =
            node.bench(definition, input, results, 0, 1_000, Duration.ofMinutes(5));
        oracle = Math.max(oracle, run.iterations() * transitions / (run.elapsedMs() / 1000.0));
        oracleOutput = run.lastOutput();
      }
    }
    if (!oracleOutput.equals(sample.output())) {
      throw new IllegalStateException("outputs differ: " + oracleOutput + " vs " + sample.output());
    }
    System.out.printf(
        Locale.ROOT,
        "10-state saga, stubbed tasks, one thread each%n"
            + "interpreter:             %,12.0f transitions/s%n"
            + "aws-local-stepfunctions: %,12.0f transitions/s%n"
            + "ratio:                   %12.1fx%n",
        ours,
        oracle,
        ours / oracle);
  }

  private static double interpreterRate(
      Interpreter interpreter, JsonNode definition, JsonNode input, long transitions) {
    for (int i = 0; i < 20_000; i++) {
      interpreter.run(definition, input, "warm-" + i);
    }
    double best = 0;
    for (int round = 0; round < 5; round++) {
      int runs = 20_000;
      long start = System.nanoTime();
      for (int i = 0; i < runs; i++) {
        interpreter.run(definition, input, "run-" + i);
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      best = Math.max(best, runs * transitions / seconds);
    }
    return best;
  }
}
