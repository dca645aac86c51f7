package dev.orderly.stepfunctions.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderly.stepfunctions.internal.StatesException;
import dev.orderly.stepfunctions.internal.interpreter.ExecutionResult;
import dev.orderly.stepfunctions.internal.interpreter.Interpreter;
import dev.orderly.stepfunctions.internal.intrinsics.IntrinsicFunctions;
import dev.orderly.stepfunctions.oracle.AwsLocalStepFunctions;
import dev.orderly.stepfunctions.oracle.OracleRequest;
import dev.orderly.stepfunctions.oracle.OracleResult;
import dev.orderly.stepfunctions.oracle.TaskOutcome;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The first entries of the conformance corpus: each definition runs on this interpreter and on
 * aws-local-stepfunctions 3.0.0 with the same scripted tasks, and both must end alike (status,
 * output, error and cause). The corpus grows with every state type the interpreter gains.
 */
class ConformanceTest {
  private static AwsLocalStepFunctions oracle;

  @BeforeAll
  static void start() {
    oracle = AwsLocalStepFunctions.start();
  }

  @AfterAll
  static void stop() {
    oracle.close();
  }

  /** One corpus entry: scripted outcomes per Task resource, in call order. */
  record Case(String name, String definition, String input, Map<String, List<TaskOutcome>> tasks) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static TaskOutcome ok(String json) {
    return TaskOutcome.returns(AwsLocalStepFunctions.json(json));
  }

  private static final String SAGA =
      """
      {"StartAt": "Reserve", "States": {
        "Reserve": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:000000000000:function:reserve",
          "Parameters": {"orderId.$": "$.orderId"}, "ResultPath": "$.reservation", "Next": "Charge"},
        "Charge": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:000000000000:function:charge",
          "Parameters": {"orderId.$": "$.orderId", "amount.$": "$.amount"},
          "ResultSelector": {"chargeId.$": "$.id"}, "ResultPath": "$.payment",
          "Retry": [{"ErrorEquals": ["ProviderUnavailable"], "IntervalSeconds": 1, "MaxAttempts": 2}],
          "Catch": [{"ErrorEquals": ["PaymentDeclined"], "ResultPath": "$.error", "Next": "Release"}],
          "Next": "Confirm"},
        "Confirm": {"Type": "Pass", "Result": "CONFIRMED", "ResultPath": "$.status", "End": true},
        "Release": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:000000000000:function:release",
          "ResultPath": null, "Next": "Cancelled"},
        "Cancelled": {"Type": "Fail", "ErrorPath": "$.error.Error", "CausePath": "$.error.Cause"}}}
      """;
  private static final String RESERVE = "arn:aws:lambda:us-east-1:000000000000:function:reserve";
  private static final String CHARGE = "arn:aws:lambda:us-east-1:000000000000:function:charge";
  private static final String RELEASE = "arn:aws:lambda:us-east-1:000000000000:function:release";

  static Stream<Case> corpus() {
    return Stream.of(
        new Case(
            "parallel: branches on one input, outputs in order, ResultSelector",
            """
            {"StartAt": "Both", "States": {
              "Both": {"Type": "Parallel", "ResultPath": "$.both", "End": true,
                "Branches": [
                  {"StartAt": "L", "States": {"L": {"Type": "Pass", "Parameters": {"left.$": "$.v"}, "End": true}}},
                  {"StartAt": "R", "States": {"R": {"Type": "Task",
                    "Resource": "arn:aws:lambda:us-east-1:000000000000:function:right", "End": true}}}]}}}
            """,
            "{\"v\": 1}",
            Map.of(
                "arn:aws:lambda:us-east-1:000000000000:function:right",
                List.of(ok("{\"right\": 2}")))),
        new Case(
            "parallel: a failing branch is caught by the state",
            """
            {"StartAt": "Both", "States": {
              "Both": {"Type": "Parallel", "Next": "Done",
                "Catch": [{"ErrorEquals": ["States.ALL"], "ResultPath": "$.failure", "Next": "Done"}],
                "Branches": [
                  {"StartAt": "Ok", "States": {"Ok": {"Type": "Pass", "End": true}}},
                  {"StartAt": "Bad", "States": {"Bad": {"Type": "Fail", "Error": "Boom", "Cause": "branch"}}}]},
              "Done": {"Type": "Succeed"}}}
            """,
            "{\"v\": 1}",
            Map.of()),
        new Case(
            "map: ItemsPath, ItemSelector with the item context, processor per item",
            """
            {"StartAt": "Each", "States": {
              "Each": {"Type": "Map", "ItemsPath": "$.lines", "ResultPath": "$.results", "End": true,
                "ItemSelector": {"sku.$": "$$.Map.Item.Value.sku", "index.$": "$$.Map.Item.Index", "order.$": "$.orderId"},
                "ItemProcessor": {"StartAt": "Price", "States": {
                  "Price": {"Type": "Pass", "Parameters": {"line.$": "States.Format('{}:{}', $.order, $.sku)", "at.$": "$.index"}, "End": true}}}}}}
            """,
            "{\"orderId\": \"o-9\", \"lines\": [{\"sku\": \"a\"}, {\"sku\": \"b\"}, {\"sku\": \"c\"}]}",
            Map.of()),
        new Case(
            "pass: Result, ResultPath, Parameters, OutputPath",
            """
            {"StartAt": "A", "States": {
              "A": {"Type": "Pass", "Result": {"x": 1}, "ResultPath": "$.a.b", "Next": "B"},
              "B": {"Type": "Pass", "Parameters": {"copy.$": "$.a.b.x", "fixed": [1, 2]},
                    "ResultPath": "$.params", "OutputPath": "$.params", "End": true}}}
            """,
            "{\"keep\": true}",
            Map.of()),
        new Case(
            "choice: numeric routing with default",
            """
            {"StartAt": "Route", "States": {
              "Route": {"Type": "Choice", "Choices": [
                {"And": [{"Variable": "$.total", "NumericGreaterThanEquals": 100},
                         {"Variable": "$.currency", "StringEquals": "EUR"}], "Next": "Big"}],
                "Default": "Small"},
              "Big": {"Type": "Pass", "Result": "big", "End": true},
              "Small": {"Type": "Pass", "Result": "small", "End": true}}}
            """,
            "{\"total\": 150, \"currency\": \"EUR\"}",
            Map.of()),
        new Case(
            "intrinsics in Parameters",
            """
            {"StartAt": "A", "States": {
              "A": {"Type": "Pass", "Parameters": {
                "greeting.$": "States.Format('Hello {} #{}', $.name, $.n)",
                "pair.$": "States.Array($.name, $.n)",
                "sum.$": "States.MathAdd($.n, 5)",
                "parsed.$": "States.StringToJson($.raw)",
                "parts.$": "States.StringSplit($.csv, ',')"}, "End": true}}}
            """,
            "{\"name\": \"Ada\", \"n\": 3, \"raw\": \"{\\\"k\\\":[1,2]}\", \"csv\": \"a,b,c\"}",
            Map.of()),
        new Case(
            "saga: confirmed",
            SAGA,
            "{\"orderId\": \"o-1\", \"amount\": 1299}",
            Map.of(
                RESERVE,
                List.of(ok("{\"reserved\": true}")),
                CHARGE,
                List.of(ok("{\"id\": \"ch_1\", \"raw\": 1}")))),
        new Case(
            "saga: transient failure retried",
            SAGA,
            "{\"orderId\": \"o-2\", \"amount\": 10}",
            Map.of(
                RESERVE, List.of(ok("{\"reserved\": true}")),
                CHARGE,
                    List.of(
                        TaskOutcome.fails("ProviderUnavailable", "503"),
                        ok("{\"id\": \"ch_2\"}")))),
        new Case(
            "saga: declined, compensated, failed with the typed error",
            SAGA,
            "{\"orderId\": \"o-3\", \"amount\": 10}",
            Map.of(
                RESERVE, List.of(ok("{\"reserved\": true}")),
                CHARGE, List.of(TaskOutcome.fails("PaymentDeclined", "card declined")),
                RELEASE, List.of(ok("{}")))),
        new Case(
            "saga: retries exhausted",
            SAGA,
            "{\"orderId\": \"o-4\", \"amount\": 10}",
            Map.of(
                RESERVE, List.of(ok("{\"reserved\": true}")),
                CHARGE,
                    List.of(
                        TaskOutcome.fails("ProviderUnavailable", "503"),
                        TaskOutcome.fails("ProviderUnavailable", "503"),
                        TaskOutcome.fails("ProviderUnavailable", "503")))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void interpreterAndOracleEndAlike(Case c) {
    JsonNode definition = AwsLocalStepFunctions.json(c.definition());
    JsonNode input = AwsLocalStepFunctions.json(c.input());
    OracleRequest request = OracleRequest.of(definition, input);
    for (Map.Entry<String, List<TaskOutcome>> e : c.tasks().entrySet()) {
      request = request.withTask(e.getKey(), e.getValue().toArray(TaskOutcome[]::new));
    }
    OracleResult expected = oracle.execute(request);

    Map<String, Deque<TaskOutcome>> script = new LinkedHashMap<>();
    c.tasks().forEach((resource, outcomes) -> script.put(resource, new ArrayDeque<>(outcomes)));
    Interpreter interpreter =
        new Interpreter(
            new IntrinsicFunctions(new Random(7), Random::new, UUID::randomUUID),
            (resource, parameters) -> {
              TaskOutcome next = script.getOrDefault(resource, new ArrayDeque<>()).poll();
              if (next instanceof TaskOutcome.Throws failure) {
                throw new StatesException(failure.error(), failure.cause());
              }
              if (next instanceof TaskOutcome.Returns result) {
                return result.result();
              }
              throw new IllegalStateException("no scripted result left for " + resource);
            },
            Clock.fixed(Instant.parse("2026-05-01T10:00:00Z"), ZoneOffset.UTC),
            wait -> {},
            () -> 0.5);
    ExecutionResult actual = interpreter.run(definition, input, "conformance");

    assertThat(actual.status()).as("status").isEqualTo(expected.status().name());
    if (actual.succeeded()) {
      assertThat(actual.output()).as("output").isEqualTo(expected.output());
    } else {
      assertThat(actual.error()).as("error").isEqualTo(expected.error());
      assertThat(actual.cause()).as("cause").isEqualTo(expected.cause());
    }
  }
}
