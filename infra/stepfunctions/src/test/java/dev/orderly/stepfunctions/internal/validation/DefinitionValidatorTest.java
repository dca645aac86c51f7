package dev.orderly.stepfunctions.internal.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Validation on create: each problem names its state and field. */
class DefinitionValidatorTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A one-task machine whose Task state carries {@code extra} fields. */
  private static JsonNode taskWith(String extra) {
    return json(
        "{\"StartAt\":\"T\",\"States\":{\"T\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:lambda:us-east-1:000000000000:function:t\",\"End\":true"
            + extra
            + "},\"Handler\":{\"Type\":\"Succeed\"}}}");
  }

  @Test
  void validSaga_hasNoProblems() {
    JsonNode saga =
        json(
            """
            {"StartAt": "Reserve", "States": {
              "Reserve": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:000000000000:function:reserve", "Next": "Route",
                "Retry": [{"ErrorEquals": ["Transient"], "BackoffRate": 2, "JitterStrategy": "FULL", "MaxDelaySeconds": 30},
                          {"ErrorEquals": ["States.ALL"], "MaxAttempts": 0}],
                "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Cancel"}]},
              "Route": {"Type": "Choice", "Choices": [{"Variable": "$.ok", "BooleanEquals": true, "Next": "Each"}], "Default": "Cancel"},
              "Each": {"Type": "Map", "ItemProcessor": {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}, "Next": "Both"},
              "Both": {"Type": "Parallel", "Branches": [{"StartAt": "B", "States": {"B": {"Type": "Succeed"}}}], "End": true},
              "Cancel": {"Type": "Fail", "Error": "Cancelled"}}}
            """);

    assertThat(DefinitionValidator.validate(saga)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "BackoffRate below 1 | ,\"Retry\":[{\"ErrorEquals\":[\"E\"],\"BackoffRate\":0.5}] | State 'T', field 'Retry[0].BackoffRate': must be at least 1.0, was 0.5",
        "unknown jitter | ,\"Retry\":[{\"ErrorEquals\":[\"E\"],\"JitterStrategy\":\"HALF\"}] | State 'T', field 'Retry[0].JitterStrategy': must be FULL or NONE, was HALF",
        "States.ALL not alone | ,\"Retry\":[{\"ErrorEquals\":[\"States.ALL\",\"E\"]}] | State 'T', field 'Retry[0].ErrorEquals': States.ALL must appear alone and in the last retrier",
        "States.ALL not last | ,\"Catch\":[{\"ErrorEquals\":[\"States.ALL\"],\"Next\":\"Handler\"},{\"ErrorEquals\":[\"E\"],\"Next\":\"Handler\"}] | State 'T', field 'Catch[0].ErrorEquals': States.ALL must appear alone and in the last catcher",
        "empty ErrorEquals | ,\"Retry\":[{\"ErrorEquals\":[]}] | State 'T', field 'Retry[0].ErrorEquals': must be a non-empty array",
        "catch to nowhere | ,\"Catch\":[{\"ErrorEquals\":[\"E\"],\"Next\":\"Nowhere\"}] | State 'T', field 'Catch[0].Next': names no state: Nowhere",
        "negative MaxAttempts | ,\"Retry\":[{\"ErrorEquals\":[\"E\"],\"MaxAttempts\":-1}] | State 'T', field 'Retry[0].MaxAttempts': must not be negative",
      })
  void taskProblems_nameTheStateAndField(String title, String extra, String expected) {
    assertThat(DefinitionValidator.validate(taskWith(extra.trim())))
        .extracting(DefinitionValidator.Problem::toString)
        .contains(expected.trim());
  }

  @Test
  void structureProblems_areAllReported() {
    JsonNode definition =
        json(
            """
            {"StartAt": "Missing", "States": {
              "A": {"Type": "Pass", "Next": "Ghost"},
              "B": {"Type": "Pass"},
              "C": {"Type": "Choice", "Choices": [{"Variable": "$.x", "IsPresent": true},
                                                   {"Variable": "$.y", "IsNull": true, "Next": "Void"}]},
              "D": {"Type": "Teleport"}}}
            """);

    assertThat(DefinitionValidator.validate(definition))
        .extracting(DefinitionValidator.Problem::toString)
        .contains(
            "StartAt: must name a state, was Missing",
            "State 'A', field 'Next': names no state: Ghost",
            "State 'B', field 'Next': exactly one of Next and End: true is required",
            "State 'C', field 'Choices[0].Next': is required",
            "State 'C', field 'Choices[1].Next': names no state: Void",
            "State 'D', field 'Type': unknown state type Teleport");
  }

  /** asl-validator 4.0.0 throws on these rather than answering, so they are not in its corpus. */
  @Test
  void shapesThatAreNotObjects_areReported() {
    assertThat(DefinitionValidator.validate(json("[]")))
        .extracting(DefinitionValidator.Problem::toString)
        .containsExactly("Definition: must be a JSON object");
    assertThat(
            DefinitionValidator.validate(
                json("{\"StartAt\":\"A\",\"States\":{\"A\":\"Succeed\"}}")))
        .extracting(DefinitionValidator.Problem::toString)
        .contains("State 'A': must be an object");
  }

  @Test
  void unreachableStates_areReported_alsoInsideBranches() {
    JsonNode definition =
        json(
            """
            {"StartAt": "P", "States": {
              "P": {"Type": "Parallel", "End": true, "Branches": [
                {"StartAt": "B1", "States": {"B1": {"Type": "Succeed"}, "Orphan": {"Type": "Succeed"}}}]},
              "Island": {"Type": "Pass", "End": true}}}
            """);

    assertThat(DefinitionValidator.validate(definition))
        .extracting(DefinitionValidator.Problem::toString)
        .containsExactlyInAnyOrder(
            "State 'P.Branches[0].Orphan': is unreachable from StartAt",
            "State 'Island': is unreachable from StartAt");
  }
}
