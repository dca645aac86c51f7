package dev.orderly.stepfunctions.oracle;

import static dev.orderly.stepfunctions.oracle.AwsLocalStepFunctions.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves the oracle harness: one Node process running aws-local-stepfunctions and asl-validator. A
 * missing node or oracle fails {@link #startOracle()}, so every test here fails, none skips.
 */
class AwsLocalStepFunctionsTest {
  private static final String LAMBDA = "arn:aws:lambda:us-east-1:123456789012:function:Charge";

  private static AwsLocalStepFunctions oracle;

  @BeforeAll
  static void startOracle() {
    oracle = AwsLocalStepFunctions.start();
  }

  @AfterAll
  static void stopOracle() {
    if (oracle != null) {
      oracle.close();
    }
  }

  @Test
  void passChainAppliesParametersAndResultPath() {
    JsonNode definition =
        json(
            """
            {"StartAt": "Extract", "States": {
              "Extract": {"Type": "Pass",
                "Parameters": {"orderId.$": "$.order.id", "source": "web"},
                "ResultPath": "$.extracted", "Next": "Mark"},
              "Mark": {"Type": "Pass", "Result": {"ok": true}, "ResultPath": "$.status",
                "End": true}}}
            """);

    OracleResult result =
        oracle.execute(
            OracleRequest.of(definition, json("{\"order\":{\"id\":\"o-1\",\"total\":42}}")));

    assertThat(result.status()).isEqualTo(OracleResult.Status.SUCCEEDED);
    assertThat(result.output())
        .isEqualTo(
            json(
                """
                {"order": {"id": "o-1", "total": 42},
                 "extracted": {"orderId": "o-1", "source": "web"},
                 "status": {"ok": true}}
                """));
  }

  private static JsonNode chargeWithRetryAndCatch() {
    return json(
        """
        {"StartAt": "Charge", "States": {
          "Charge": {"Type": "Task", "Resource": "%s", "ResultPath": "$.payment",
            "Retry": [{"ErrorEquals": ["Lambda.ServiceException"], "IntervalSeconds": 30,
                       "MaxAttempts": 2}],
            "Catch": [{"ErrorEquals": ["States.ALL"], "ResultPath": "$.failure",
                       "Next": "Compensate"}],
            "End": true},
          "Compensate": {"Type": "Pass", "Result": "compensated", "ResultPath": "$.outcome",
            "End": true}}}
        """
            .formatted(LAMBDA));
  }

  @Test
  void retriedTaskSucceedsWithTheSecondScriptedResultWithoutWaitingTheInterval() {
    OracleRequest request =
        OracleRequest.of(chargeWithRetryAndCatch(), json("{\"amount\":10}"))
            .withTask(
                "Charge",
                TaskOutcome.fails("Lambda.ServiceException", "transient"),
                TaskOutcome.returns(json("{\"charged\":true}")));

    OracleResult result = oracle.execute(request, Duration.ofSeconds(10));

    assertThat(result.status()).isEqualTo(OracleResult.Status.SUCCEEDED);
    assertThat(result.output()).isEqualTo(json("{\"amount\":10,\"payment\":{\"charged\":true}}"));
  }

  @Test
  void scriptedErrorThatNoRetrierMatchesIsCaughtWithItsErrorAndCause() {
    OracleRequest request =
        OracleRequest.of(chargeWithRetryAndCatch(), json("{\"amount\":10}"))
            .withTask(LAMBDA, TaskOutcome.fails("CardDeclined", "insufficient funds"));

    OracleResult result = oracle.execute(request);

    assertThat(result.status()).isEqualTo(OracleResult.Status.SUCCEEDED);
    assertThat(result.output())
        .isEqualTo(
            json(
                """
                {"amount": 10,
                 "failure": {"Error": "CardDeclined", "Cause": "insufficient funds"},
                 "outcome": "compensated"}
                """));
  }

  @Test
  void failStateFailsTheExecutionWithItsErrorAndCause() {
    JsonNode definition =
        json(
            """
            {"StartAt": "Reject", "States": {
              "Reject": {"Type": "Fail", "Error": "OrderRejected", "Cause": "stock exhausted"}}}
            """);

    OracleResult result = oracle.execute(OracleRequest.of(definition, json("{}")));

    assertThat(result.status()).isEqualTo(OracleResult.Status.FAILED);
    assertThat(result.error()).isEqualTo("OrderRejected");
    assertThat(result.cause()).isEqualTo("stock exhausted");
    assertThat(result.output()).isNull();
  }

  @Test
  void waitOfAnHourCompletesAtOnce() {
    JsonNode definition =
        json(
            """
            {"StartAt": "Hold", "States": {
              "Hold": {"Type": "Wait", "Seconds": 3600, "Next": "Done"},
              "Done": {"Type": "Pass", "Result": "released", "End": true}}}
            """);
    // an hour's Wait run in real time would outlast the bound and not succeed
    OracleResult result =
        oracle.execute(OracleRequest.of(definition, json("{}")), Duration.ofSeconds(60));

    assertThat(result.status()).isEqualTo(OracleResult.Status.SUCCEEDED);
    assertThat(result.output()).isEqualTo(json("\"released\""));
  }

  @Test
  void validatorAcceptsAValidDefinition() {
    ValidationResult verdict =
        oracle.validate(
            json(
                """
                {"StartAt": "A", "States": {
                  "A": {"Type": "Pass", "Next": "B"},
                  "B": {"Type": "Succeed"}}}
                """));

    assertThat(verdict.valid()).isTrue();
    assertThat(verdict.errors()).isEmpty();
  }

  @Test
  void validatorRejectsAStartAtNamingNoState() {
    ValidationResult verdict =
        oracle.validate(
            json(
                """
                {"StartAt": "Missing", "States": {"A": {"Type": "Pass", "End": true}}}
                """));

    assertThat(verdict.valid()).isFalse();
    assertThat(verdict.errors())
        .extracting(ValidationResult.Problem::code, ValidationResult.Problem::message)
        .contains(
            org.assertj.core.groups.Tuple.tuple(
                "MISSING_TRANSITION_TARGET", "Missing 'StartAt'|'Next'|'Default' target: Missing"));
  }

  @Test
  void executingADefinitionTheOracleRejectsReportsItInvalid() {
    OracleResult result =
        oracle.execute(
            OracleRequest.of(
                json(
                    "{\"StartAt\": \"Missing\", \"States\": {\"A\": {\"Type\": \"Pass\", \"End\": true}}}"),
                json("{}")));

    assertThat(result.status()).isEqualTo(OracleResult.Status.INVALID_DEFINITION);
    assertThat(result.message()).contains("Missing");
  }

  @Test
  void taskWithoutAScriptedResultIsAHarnessErrorNotAnExecutionFailure() {
    JsonNode definition =
        json(
            """
            {"StartAt": "Charge", "States": {
              "Charge": {"Type": "Task", "Resource": "%s",
                "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Swallow"}], "End": true},
              "Swallow": {"Type": "Succeed"}}}
            """
                .formatted(LAMBDA));

    assertThatThrownBy(() -> oracle.execute(OracleRequest.of(definition, json("{}"))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no scripted result left for Task state \\\"Charge\\\"");
  }

  @Test
  void twoHundredExecutionsRunInTheOneNodeProcess() {
    JsonNode definition =
        json(
            """
            {"StartAt": "Double", "States": {
              "Double": {"Type": "Pass", "Parameters": {"n.$": "$.n", "twice.$": "States.MathAdd($.n, $.n)"},
                "End": true}}}
            """);
    long pid = oracle.pid();
    List<JsonNode> outputs = new ArrayList<>();

    for (int n = 0; n < 200; n++) {
      OracleResult result = oracle.execute(OracleRequest.of(definition, json("{\"n\":" + n + "}")));
      assertThat(result.status()).as("execution %d", n).isEqualTo(OracleResult.Status.SUCCEEDED);
      outputs.add(result.output());
    }

    assertThat(outputs).hasSize(200);
    for (int n = 0; n < 200; n++) {
      assertThat(outputs.get(n)).isEqualTo(json("{\"n\":" + n + ",\"twice\":" + 2 * n + "}"));
    }
    assertThat(oracle.pid()).isEqualTo(pid);
    assertThat(ProcessHandle.of(pid)).hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue());
  }

  @Test
  void missingOracleFailsWithAClearMessage(@TempDir Path empty) {
    assertThatThrownBy(() -> AwsLocalStepFunctions.start(empty, "node"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("the Step Functions oracle is not installed")
        .hasMessageContaining("polyfill.mjs");
  }

  @Test
  void missingNodeFailsWithAClearMessage() {
    Path oracleDir =
        Path.of(
            System.getProperty(
                AwsLocalStepFunctions.ORACLE_DIR_PROPERTY, "infra/stepfunctions/oracle"));

    assertThatThrownBy(() -> AwsLocalStepFunctions.start(oracleDir, "/nonexistent/node"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cannot start the Step Functions oracle with node executable");
  }
}
