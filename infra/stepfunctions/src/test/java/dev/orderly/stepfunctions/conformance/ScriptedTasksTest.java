package dev.orderly.stepfunctions.conformance;

import static dev.orderly.stepfunctions.oracle.AwsLocalStepFunctions.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderly.stepfunctions.VirtualScheduler;
import dev.orderly.stepfunctions.internal.StatesException;
import dev.orderly.stepfunctions.internal.interpreter.TaskTokens;
import dev.orderly.stepfunctions.oracle.TaskOutcome;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** The interpreter's side of scripted tasks, keyed as the oracle driver keys them. */
class ScriptedTasksTest {
  private static final String CHARGE = "arn:aws:lambda:us-east-1:000000000000:function:charge";
  private static final JsonNode DEFINITION =
      json(
          """
          {"StartAt": "Both", "States": {"Both": {"Type": "Parallel", "End": true, "Branches": [
            {"StartAt": "Charge", "States": {"Charge": {"Type": "Task", "Resource": "%s", "End": true}}},
            {"StartAt": "Again", "States": {
              "Again": {"Type": "Task", "Resource": "%s", "Next": "Once"},
              "Once": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:000000000000:function:once",
                "End": true}}}]}}}
          """
              .formatted(CHARGE, CHARGE));

  private final VirtualScheduler time = new VirtualScheduler(Instant.parse("2026-05-01T10:00:00Z"));

  private ScriptedTasks scripted(Map<String, List<TaskOutcome>> script) {
    return new ScriptedTasks(DEFINITION, script, time, new TaskTokens(() -> "1"));
  }

  private JsonNode call(ScriptedTasks tasks, String resource, JsonNode input) {
    try {
      return time.await(tasks.invokeAsync(resource, input, Runnable::run), null);
    } catch (TimeoutException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void aDelayedOutcome_arrivesAfterItsDelayOnVirtualTime() {
    ScriptedTasks tasks =
        scripted(Map.of(CHARGE, List.of(TaskOutcome.after(1_500, TaskOutcome.returns(json("2"))))));

    assertThat(call(tasks, CHARGE, json("{}"))).isEqualTo(json("2"));
    assertThat(time.now()).isEqualTo(Instant.parse("2026-05-01T10:00:01.500Z"));
  }

  @Test
  void outcomes_comeInOrderAndErrorsAreThrown() {
    ScriptedTasks tasks =
        scripted(
            Map.of(
                CHARGE,
                List.of(
                    TaskOutcome.fails("Busy", "retry"), TaskOutcome.returns(json("{\"id\": 1}")))));

    assertThatThrownBy(() -> call(tasks, CHARGE, json("{}")))
        .isInstanceOfSatisfying(
            StatesException.class,
            e -> {
              assertThat(e.error()).isEqualTo("Busy");
              assertThat(e.cause()).isEqualTo("retry");
            });
    assertThat(call(tasks, CHARGE, json("{}"))).isEqualTo(json("{\"id\": 1}"));
    assertThat(tasks.unused()).isEmpty();
  }

  @Test
  void aStateNameKey_scriptsThatStatesResource_evenInsideABranch() {
    ScriptedTasks tasks = scripted(Map.of("Once", List.of(TaskOutcome.returns(json("1")))));

    assertThat(call(tasks, "arn:aws:lambda:us-east-1:000000000000:function:once", json("{}")))
        .isEqualTo(json("1"));
  }

  @Test
  void aStateNameKey_whoseResourceIsShared_isRejected() {
    assertThatThrownBy(() -> scripted(Map.of("Charge", List.of(TaskOutcome.returns(json("1"))))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("shared");
  }

  @Test
  void unusedOutcomes_andMissingOnes_areReported() {
    ScriptedTasks tasks = scripted(Map.of(CHARGE, List.of(TaskOutcome.returns(json("1")))));

    assertThat(tasks.unused()).containsExactly(CHARGE + " (1 left)");
    assertThatThrownBy(() -> call(tasks, "arn:other", json("{}")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no scripted result left for arn:other");
  }
}
