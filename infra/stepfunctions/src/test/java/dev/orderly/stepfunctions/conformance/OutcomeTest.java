package dev.orderly.stepfunctions.conformance;

import static dev.orderly.stepfunctions.oracle.AwsLocalStepFunctions.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** How the corpus compares outcomes: JSON equality, and causes only where they are data. */
class OutcomeTest {

  @Test
  void outputs_thatDifferOnlyInHowANumberIsWritten_areEqual() {
    Outcome integral = new Outcome("SUCCEEDED", json("{\"n\": 10, \"xs\": [1.50]}"), null, null);
    Outcome decimal = new Outcome("SUCCEEDED", json("{\"xs\": [1.5], \"n\": 10.0}"), null, null);

    assertThat(integral).isEqualTo(decimal);
    assertThat(integral)
        .isNotEqualTo(new Outcome("SUCCEEDED", json("{\"n\": 10.5, \"xs\": [1.5]}"), null, null));
  }

  @Test
  void compared_dropsTheCauseOfAPredefinedErrorOnly() {
    Outcome runtime = new Outcome("FAILED", null, "States.Runtime", "wording of one engine");
    Outcome task = new Outcome("FAILED", null, "PaymentDeclined", "card declined");

    assertThat(runtime.compared())
        .isEqualTo(new Outcome("FAILED", null, "States.Runtime", "another wording").compared());
    assertThat(task.compared())
        .isNotEqualTo(new Outcome("FAILED", null, "PaymentDeclined", "expired").compared());
  }

  @Test
  void fromJson_readsBothShapesAndLeavesOutTheCauseOfAPredefinedError() {
    assertThat(Outcome.fromJson(json("{\"status\": \"SUCCEEDED\", \"output\": [1]}")))
        .isEqualTo(new Outcome("SUCCEEDED", json("[1]"), null, null));
    assertThat(
            Outcome.fromJson(
                json("{\"status\": \"FAILED\", \"error\": \"Order.Rejected\", \"cause\": \"c\"}")))
        .isEqualTo(new Outcome("FAILED", null, "Order.Rejected", "c"));
    assertThat(Outcome.fromJson(json("{\"status\": \"FAILED\", \"error\": \"States.Runtime\"}")))
        .isEqualTo(new Outcome("FAILED", null, "States.Runtime", null));
  }

  @Test
  void fromJson_rejectsACauseThatWouldNotBeCompared() {
    assertThatThrownBy(
            () ->
                Outcome.fromJson(
                    json(
                        "{\"status\": \"FAILED\", \"error\": \"States.Runtime\", \"cause\": \"x\"}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unless the error is a predefined States.* error");
  }

  @Test
  void fromJson_rejectsAFailureWithoutItsCause() {
    assertThatThrownBy(
            () -> Outcome.fromJson(json("{\"status\": \"FAILED\", \"error\": \"Order.Rejected\"}")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
