package dev.orderly.stepfunctions.internal.interpreter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderly.stepfunctions.internal.StatesException;
import dev.orderly.stepfunctions.internal.intrinsics.IntrinsicFunctions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sequential states with data flow, Retry and Catch, on scripted tasks and an instant waiter. */
class InterpreterTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Map<String, Deque<Object>> script = new HashMap<>();
  private final List<String> calls = new ArrayList<>();
  private final List<Duration> waits = new ArrayList<>();
  private Interpreter interpreter;

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text.replace('\'', '"'));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @BeforeEach
  void setUp() {
    interpreter =
        new Interpreter(
            new IntrinsicFunctions(new Random(1), Random::new, UUID::randomUUID),
            (resource, input) -> {
              calls.add(resource + " " + input);
              Object next = script.get(resource).poll();
              if (next instanceof StatesException failure) {
                throw failure;
              }
              return (JsonNode) next;
            },
            Clock.fixed(Instant.parse("2026-05-01T10:00:00Z"), ZoneOffset.UTC),
            waits::add,
            () -> 0.5);
  }

  private void answer(String resource, Object... results) {
    script.computeIfAbsent(resource, r -> new ArrayDeque<>()).addAll(List.of(results));
  }

  private static final JsonNode SAGA =
      raw(
          """
          {"StartAt": "Reserve", "States": {
            "Reserve": {"Type": "Task", "Resource": "reserve",
              "Parameters": {"orderId.$": "$.orderId",
                             "requestId.$": "States.Format('{}/Reserve', $$.Execution.Name)"},
              "ResultPath": "$.reservation", "Next": "Charge",
              "Catch": [{"ErrorEquals": ["OutOfStock"], "ResultPath": "$.error", "Next": "Cancel"}]},
            "Charge": {"Type": "Task", "Resource": "charge", "Parameters": {"orderId.$": "$.orderId"},
              "ResultSelector": {"chargeId.$": "$.id"}, "ResultPath": "$.payment",
              "Retry": [{"ErrorEquals": ["ProviderUnavailable"], "IntervalSeconds": 2,
                         "MaxAttempts": 3, "BackoffRate": 2}],
              "Catch": [{"ErrorEquals": ["PaymentDeclined"], "ResultPath": "$.error", "Next": "Release"}],
              "Next": "Confirm"},
            "Confirm": {"Type": "Pass", "Result": "CONFIRMED", "ResultPath": "$.status", "End": true},
            "Release": {"Type": "Task", "Resource": "release", "ResultPath": null, "Next": "Cancel"},
            "Cancel": {"Type": "Fail", "ErrorPath": "$.error.Error", "CausePath": "$.error.Cause"}}}
          """);

  private static JsonNode raw(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void happyPath_runsEveryStepAndBuildsTheOutput() {
    answer("reserve", json("{'reserved':true}"));
    answer("charge", json("{'id':'ch_1','raw':'x'}"));

    ExecutionResult result = interpreter.run(SAGA, json("{'orderId':'o-1'}"), "o-1");

    assertThat(result.succeeded()).isTrue();
    assertThat(result.output())
        .isEqualTo(
            json(
                "{'orderId':'o-1','reservation':{'reserved':true},'payment':{'chargeId':'ch_1'},"
                    + "'status':'CONFIRMED'}"));
    assertThat(calls.get(0))
        .isEqualTo("reserve {\"orderId\":\"o-1\",\"requestId\":\"o-1/Reserve\"}");
  }

  @Test
  void transientErrors_areRetriedWithBackoffThenSucceed() {
    answer("reserve", json("{'reserved':true}"));
    answer(
        "charge",
        new StatesException("ProviderUnavailable", "503"),
        new StatesException("ProviderUnavailable", "503"),
        json("{'id':'ch_2'}"));

    ExecutionResult result = interpreter.run(SAGA, json("{'orderId':'o-2'}"), "o-2");

    assertThat(result.succeeded()).isTrue();
    assertThat(waits).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(4));
  }

  @Test
  void businessError_isCaughtAndCompensatedThenFailsWithTheTypedError() {
    answer("reserve", json("{'reserved':true}"));
    answer("charge", new StatesException("PaymentDeclined", "card declined"));
    answer("release", json("{}"));

    ExecutionResult result = interpreter.run(SAGA, json("{'orderId':'o-3'}"), "o-3");

    assertThat(result.status()).isEqualTo("FAILED");
    assertThat(result.error()).isEqualTo("PaymentDeclined");
    assertThat(result.cause()).isEqualTo("card declined");
    assertThat(calls)
        .extracting(c -> c.split(" ")[0])
        .containsExactly("reserve", "charge", "release");
  }

  @Test
  void exhaustedRetries_withoutACatcher_failTheExecution() {
    answer("reserve", json("{'reserved':true}"));
    for (int i = 0; i < 4; i++) {
      answer("charge", new StatesException("ProviderUnavailable", "503"));
    }

    ExecutionResult result = interpreter.run(SAGA, json("{'orderId':'o-4'}"), "o-4");

    assertThat(result.error()).isEqualTo("ProviderUnavailable");
    assertThat(waits).hasSize(3);
  }

  @Test
  void choiceAndWait_routeAndWaitThroughTheWaiter() {
    JsonNode definition =
        json(
            "{'StartAt':'Route','States':{'Route':{'Type':'Choice','Choices':["
                + "{'Variable':'$.total','NumericGreaterThan':1000,'Next':'Review'}],'Default':'Done'},"
                + "'Review':{'Type':'Wait','SecondsPath':'$.delay','Next':'Done'},"
                + "'Done':{'Type':'Succeed'}}}");

    ExecutionResult big = interpreter.run(definition, json("{'total':5000,'delay':3600}"), "big");
    ExecutionResult small = interpreter.run(definition, json("{'total':5,'delay':3600}"), "small");

    assertThat(big.succeeded()).isTrue();
    assertThat(small.succeeded()).isTrue();
    assertThat(waits).containsExactly(Duration.ofHours(1));
    assertThat(big.history()).extracting(HistoryEvent::type).contains("WaitStateEntered");
    assertThat(small.history()).extracting(HistoryEvent::type).doesNotContain("WaitStateEntered");
  }

  @Test
  void choiceWithoutMatchOrDefault_failsWithNoChoiceMatched() {
    JsonNode definition =
        json(
            "{'StartAt':'Route','States':{'Route':{'Type':'Choice','Choices':[{'Variable':'$.a','BooleanEquals':true,'Next':'X'}]},'X':{'Type':'Succeed'}}}");

    ExecutionResult result = interpreter.run(definition, json("{'a':false}"), "nomatch");

    assertThat(result.error()).isEqualTo("States.NoChoiceMatched");
  }

  @Test
  void history_usesAwsEventTypesInOrder() {
    answer("reserve", json("{'reserved':true}"));
    answer("charge", json("{'id':'ch_1'}"));

    ExecutionResult result = interpreter.run(SAGA, json("{'orderId':'o-5'}"), "o-5");

    assertThat(result.history())
        .extracting(HistoryEvent::type)
        .containsExactly(
            "ExecutionStarted",
            "TaskStateEntered",
            "TaskScheduled",
            "TaskStarted",
            "TaskSucceeded",
            "TaskStateExited",
            "TaskStateEntered",
            "TaskScheduled",
            "TaskStarted",
            "TaskSucceeded",
            "TaskStateExited",
            "PassStateEntered",
            "PassStateExited",
            "ExecutionSucceeded");
    assertThat(result.history()).extracting(HistoryEvent::id).isSorted();
  }
}
