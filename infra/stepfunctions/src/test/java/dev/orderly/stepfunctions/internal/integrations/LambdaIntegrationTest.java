package dev.orderly.stepfunctions.internal.integrations;

import static dev.orderly.stepfunctions.internal.integrations.LocalClients.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import dev.orderly.stepfunctions.LambdaFunctionException;
import dev.orderly.stepfunctions.LambdaFunctionRegistry;
import dev.orderly.stepfunctions.internal.StatesException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Lambda Tasks: a function ARN as the Resource, and lambda:invoke with its result shape. */
class LambdaIntegrationTest {
  private static final String INVOKE = "arn:aws:states:::lambda:invoke";
  private final List<JsonNode> payloads = new ArrayList<>();
  private final LambdaFunctionRegistry functions =
      new LambdaFunctionRegistry()
          .register(
              "reserve-stock",
              payload -> {
                payloads.add(payload);
                return json(
                    "{'reservationId': 'r-1', 'sku': '" + payload.path("sku").asText() + "'}");
              })
          .register(
              "charge",
              payload -> {
                throw new LambdaFunctionException("PaymentDeclined", "card expired");
              })
          .register(
              "broken",
              payload -> {
                throw new IllegalStateException("no connection");
              })
          .register("count", payload -> IntNode.valueOf(payload.size()))
          .register("nothing", payload -> null);
  private final ServiceIntegrations tasks =
      ServiceIntegrations.builder(functions)
          .region("eu-west-1")
          .accountId("123456789012")
          .clock(Clock.fixed(Instant.parse("2026-05-01T10:00:00Z"), ZoneOffset.UTC))
          .requestIds(() -> "req-1")
          .build();

  @Test
  void functionArn_passesTheInputAndReturnsTheOutput() {
    JsonNode output =
        tasks.invoke(
            "arn:aws:lambda:eu-west-1:123456789012:function:reserve-stock", json("{'sku': 'A'}"));

    assertThat(output).isEqualTo(json("{'reservationId': 'r-1', 'sku': 'A'}"));
    assertThat(payloads).containsExactly(json("{'sku': 'A'}"));
  }

  @Test
  void lambdaInvoke_nestsTheOutputInInvokesResponse() {
    JsonNode result =
        tasks.invoke(INVOKE, json("{'FunctionName': 'reserve-stock', 'Payload': {'sku': 'B'}}"));

    String payload = "{\"reservationId\":\"r-1\",\"sku\":\"B\"}";
    assertThat(result)
        .isEqualTo(
            json(
                "{'ExecutedVersion': '$LATEST',"
                    + " 'Payload': {'reservationId': 'r-1', 'sku': 'B'},"
                    + " 'SdkHttpMetadata': {"
                    + "   'AllHttpHeaders': {'Content-Length': ['"
                    + payload.length()
                    + "'], 'Content-Type': ['application/json'],"
                    + "     'Date': ['Fri, 01 May 2026 10:00:00 GMT'],"
                    + "     'X-Amz-Executed-Version': ['$LATEST'], 'x-amzn-RequestId': ['req-1']},"
                    + "   'HttpHeaders': {'Content-Length': '"
                    + payload.length()
                    + "', 'Content-Type': 'application/json',"
                    + "     'Date': 'Fri, 01 May 2026 10:00:00 GMT',"
                    + "     'X-Amz-Executed-Version': '$LATEST', 'x-amzn-RequestId': 'req-1'},"
                    + "   'HttpStatusCode': 200},"
                    + " 'SdkResponseMetadata': {'RequestId': 'req-1'},"
                    + " 'StatusCode': 200}"));
  }

  @Test
  void lambdaInvoke_withoutPayload_sendsAnEmptyObject() {
    JsonNode result = tasks.invoke(INVOKE, json("{'FunctionName': 'count'}"));

    assertThat(result.get("Payload")).isEqualTo(IntNode.valueOf(0));
  }

  @Test
  void lambdaInvoke_aNullOutputIsAJsonNullPayload() {
    JsonNode result = tasks.invoke(INVOKE, json("{'FunctionName': 'nothing'}"));

    assertThat(result.get("Payload").isNull()).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "reserve-stock",
        "reserve-stock:live",
        "123456789012:function:reserve-stock",
        "arn:aws:lambda:eu-west-1:123456789012:function:reserve-stock",
        "arn:aws:lambda:eu-west-1:123456789012:function:reserve-stock:live"
      })
  void lambdaInvoke_findsTheFunctionByAnyFunctionName(String functionName) {
    JsonNode result =
        tasks.invoke(INVOKE, json("{'FunctionName': '" + functionName + "', 'Payload': {}}"));

    assertThat(result.get("Payload").get("reservationId").asText()).isEqualTo("r-1");
  }

  @Test
  void lambdaInvoke_reportsANumberedVersionAsExecuted() {
    JsonNode byName = tasks.invoke(INVOKE, json("{'FunctionName': 'reserve-stock:3'}"));
    JsonNode byQualifier =
        tasks.invoke(INVOKE, json("{'FunctionName': 'reserve-stock', 'Qualifier': '4'}"));
    JsonNode byAlias = tasks.invoke(INVOKE, json("{'FunctionName': 'reserve-stock:live'}"));

    assertThat(byName.get("ExecutedVersion").asText()).isEqualTo("3");
    assertThat(byQualifier.get("ExecutedVersion").asText()).isEqualTo("4");
    assertThat(byAlias.get("ExecutedVersion").asText()).isEqualTo("$LATEST");
  }

  @Test
  void typedFunctionError_isTheErrorTypeWithLambdasErrorDocument() {
    StatesException failure = fail(INVOKE, json("{'FunctionName': 'charge', 'Payload': {}}"));

    assertThat(failure.error()).isEqualTo("PaymentDeclined");
    assertThat(json(failure.cause()))
        .isEqualTo(
            json(
                "{'errorMessage': 'card expired', 'errorType': 'PaymentDeclined',"
                    + " 'stackTrace': []}"));
  }

  @Test
  void untypedException_isNamedByItsClassAsTheJavaRuntimeNamesIt() {
    StatesException failure =
        fail("arn:aws:lambda:eu-west-1:123456789012:function:broken", json("{}"));

    assertThat(failure.error()).isEqualTo("java.lang.IllegalStateException");
    assertThat(json(failure.cause()))
        .isEqualTo(
            json(
                "{'errorMessage': 'no connection', 'errorType': 'java.lang.IllegalStateException',"
                    + " 'stackTrace': []}"));
  }

  @Test
  void missingFunction_isResourceNotFoundWithTheArnLambdaReports() {
    StatesException byName = fail(INVOKE, json("{'FunctionName': 'refund'}"));
    StatesException byArn =
        fail("arn:aws:lambda:us-east-2:210987654321:function:refund:live", json("{}"));

    assertThat(byName.error()).isEqualTo("Lambda.ResourceNotFoundException");
    assertThat(byName.cause())
        .isEqualTo(
            "Function not found: arn:aws:lambda:eu-west-1:123456789012:function:refund"
                + " (Service: Lambda, Status Code: 404, Request ID: req-1)");
    assertThat(byArn.error()).isEqualTo("Lambda.ResourceNotFoundException");
    assertThat(byArn.cause())
        .startsWith(
            "Function not found: arn:aws:lambda:us-east-2:210987654321:function:refund:live");
  }

  @Test
  void invalidFunctionName_isAValidationError() {
    StatesException failure = fail(INVOKE, json("{'FunctionName': 'reserve stock'}"));

    assertThat(failure.error()).isEqualTo("Lambda.ValidationException");
    assertThat(failure.cause())
        .startsWith("1 validation error detected: Value 'reserve stock' at 'functionName'");
  }

  @Test
  void qualifierThatContradictsTheName_isAnInvalidParameter() {
    StatesException failure =
        fail(INVOKE, json("{'FunctionName': 'reserve-stock:live', 'Qualifier': 'beta'}"));

    assertThat(failure.error()).isEqualTo("Lambda.InvalidParameterValueException");
  }

  @Test
  void unsupportedParameters_failTheTaskAsARuntimeError() {
    StatesException unknown = fail(INVOKE, json("{'FunctionName': 'reserve-stock', 'Paylod': {}}"));
    StatesException missing = fail(INVOKE, json("{'Payload': {}}"));
    StatesException async =
        fail(INVOKE, json("{'FunctionName': 'reserve-stock', 'InvocationType': 'Event'}"));

    assertThat(List.of(unknown, missing, async))
        .extracting(StatesException::error)
        .containsOnly(StatesException.RUNTIME);
    assertThat(unknown.cause()).contains("The field \"Paylod\" is not supported by Step Functions");
    assertThat(missing.cause()).contains("The field \"FunctionName\" is required");
    assertThat(async.cause()).contains("InvocationType Event is not supported in-process");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "arn:aws:states:::lambda:invoke.sync",
        "arn:aws:states:::sns:publish",
        "arn:aws:states:::dynamodb:query",
        "arn:aws:states:::aws-sdk:dynamodb:getItem",
        "arn:aws:states:us-east-1:123456789012:activity:approve",
        "reserve-stock"
      })
  void otherResources_failAsARuntimeErrorNamingTheResource(String resource) {
    StatesException failure = fail(resource, json("{}"));

    assertThat(failure.error()).isEqualTo(StatesException.RUNTIME);
    assertThat(failure.cause()).startsWith("The provided ARN '" + resource + "' is invalid");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "arn:aws:states:::dynamodb:putItem, DynamoDB, dynamoDb",
    "arn:aws:states:::sqs:sendMessage, SQS, sqs",
    "arn:aws:states:::events:putEvents, EventBridge, eventBridge"
  })
  void integrationWithoutItsClient_failsSayingWhichClientIsMissing(
      String resource, String service, String builderMethod) {
    StatesException failure = fail(resource, json("{}"));

    assertThat(failure.error()).isEqualTo(StatesException.RUNTIME);
    assertThat(failure.cause())
        .isEqualTo(
            "No "
                + service
                + " client is configured for "
                + resource
                + ": build ServiceIntegrations with ."
                + builderMethod
                + "(client)");
  }

  private StatesException fail(String resource, JsonNode input) {
    Throwable thrown = catchThrowable(() -> tasks.invoke(resource, input));
    assertThat(thrown).isInstanceOf(StatesException.class);
    return (StatesException) thrown;
  }
}
