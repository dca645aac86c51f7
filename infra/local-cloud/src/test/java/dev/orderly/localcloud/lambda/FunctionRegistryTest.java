package dev.orderly.localcloud.lambda;

import static dev.orderly.localcloud.lambda.Json.bytes;
import static dev.orderly.localcloud.lambda.Json.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderly.localcloud.lambda.handlers.EchoHandler;
import dev.orderly.localcloud.lambda.handlers.EnvironmentHandler;
import dev.orderly.localcloud.lambda.handlers.FailingHandler;
import dev.orderly.localcloud.spi.FunctionNotFoundException;
import dev.orderly.stepfunctions.LambdaFunction;
import dev.orderly.stepfunctions.LambdaFunctionException;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Functions found as Invoke's FunctionName finds them, each with its own environment, checked at
 * start-up, and reachable from the Step Functions engine.
 */
class FunctionRegistryTest {
  private final LocalLambda lambda =
      LocalLambda.builder()
          .region("eu-west-1")
          .accountId("123456789012")
          .credentials("AKIDLOCAL", "secret")
          .function(FunctionSpec.of("echo", EchoHandler.class.getName()))
          .function(FunctionSpec.of("fail", FailingHandler.class.getName()))
          .function(
              FunctionSpec.of("hello", EnvironmentHandler.class.getName())
                  .withMemoryMb(256)
                  .withEnvironment(Map.of("GREETING", "Hello", "AWS_REGION", "eu-west-1")))
          .function(
              FunctionSpec.of("bonjour", EnvironmentHandler.class.getName())
                  .withEnvironment(
                      Map.of("GREETING", "Bonjour", "AWS_ACCESS_KEY_ID", "AKIDBONJOUR")))
          .build();

  @AfterEach
  void close() {
    lambda.close();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "echo",
        "echo:$LATEST",
        "echo:live",
        "123456789012:function:echo",
        "arn:aws:lambda:eu-west-1:123456789012:function:echo",
        "arn:aws:lambda:eu-west-1:123456789012:function:echo:7"
      })
  void aFunction_isFoundByNamePartialArnOrFullArn(String functionName) {
    assertThat(lambda.invoke(functionName, bytes("{}")).failed()).isFalse();
  }

  @ParameterizedTest
  @CsvSource({
    "nope, arn:aws:lambda:eu-west-1:123456789012:function:nope",
    "arn:aws:lambda:us-east-1:123456789012:function:echo,"
        + " arn:aws:lambda:us-east-1:123456789012:function:echo",
    "999999999999:function:echo, arn:aws:lambda:eu-west-1:999999999999:function:echo",
    "not a name, not a name"
  })
  void anUnknownFunction_isNotFound(String functionName, String reported) {
    assertThatThrownBy(() -> lambda.invoke(functionName, bytes("{}")))
        .isInstanceOf(FunctionNotFoundException.class)
        .hasMessage("Function not found: " + reported);
  }

  @Test
  void eachFunction_isConstructedWithItsOwnEnvironmentAndLambdasVariables() {
    JsonNode hello = read(lambda.invoke("hello", bytes("\"Ada\"")));
    JsonNode bonjour = read(lambda.invoke("bonjour", bytes("\"Ada\"")));

    assertThat(hello.get("greeting").asText()).isEqualTo("Hello, Ada");
    assertThat(bonjour.get("greeting").asText()).isEqualTo("Bonjour, Ada");
    assertThat(hello.get("AWS_LAMBDA_FUNCTION_NAME").asText()).isEqualTo("hello");
    assertThat(hello.get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE").asText()).isEqualTo("256");
    assertThat(hello.get("AWS_LAMBDA_FUNCTION_VERSION").asText()).isEqualTo("$LATEST");
    assertThat(hello.get("AWS_LAMBDA_INITIALIZATION_TYPE").asText()).isEqualTo("on-demand");
    assertThat(hello.get("AWS_REGION").asText()).isEqualTo("eu-west-1");
    assertThat(hello.get("AWS_DEFAULT_REGION").asText()).isEqualTo("eu-west-1");
    assertThat(hello.get("_HANDLER").asText()).isEqualTo(EnvironmentHandler.class.getName());
    assertThat(hello.get("AWS_ACCESS_KEY_ID").asText()).isEqualTo("AKIDLOCAL");
    assertThat(bonjour.get("AWS_ACCESS_KEY_ID").asText()).isEqualTo("AKIDBONJOUR");
    assertThat(bonjour.get("AWS_LAMBDA_FUNCTION_NAME").asText()).isEqualTo("bonjour");
    assertThat(hello.has("PATH")).as("not the process environment").isFalse();
  }

  @Test
  void aFunctionSettingOneOfLambdasOwnVariables_isRejected() {
    FunctionSpec spec =
        FunctionSpec.of("x", EchoHandler.class.getName())
            .withEnvironment(Map.of("AWS_REGION", "us-west-2", "AWS_LAMBDA_FUNCTION_NAME", "y"));

    assertThatThrownBy(() -> LocalLambda.builder().function(spec).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Function x: Lambda sets these environment variables itself:"
                + " [AWS_LAMBDA_FUNCTION_NAME, AWS_REGION]");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "dev.orderly.Missing::handleRequest | Class not found: dev.orderly.Missing",
        "java.lang.String | Class does not implement an appropriate handler interface:"
            + " java.lang.String",
        "dev.orderly.localcloud.lambda.handlers.PlainMethods::absent | No public method named"
            + " absent with appropriate method signature found on class"
            + " dev.orderly.localcloud.lambda.handlers.PlainMethods",
        "dev.orderly.localcloud.lambda.handlers.GenericHandlers$Unbound | Class"
            + " dev.orderly.localcloud.lambda.handlers.GenericHandlers$Unbound does not implement"
            + " RequestHandler with concrete type parameters: parameter T has no upper bound.",
        "dev.orderly.localcloud.lambda.handlers.GenericHandlers$Counting::handleRequest | Class"
            + " dev.orderly.localcloud.lambda.handlers.GenericHandlers$Counting cannot be"
            + " instantiated because it is abstract",
        "dev.orderly.localcloud.lambda.handlers.GenericHandlers$NeedsArgs | Class"
            + " dev.orderly.localcloud.lambda.handlers.GenericHandlers$NeedsArgs has no public"
            + " zero-argument constructor",
        "::handleRequest | Invalid handler: `::handleRequest'"
      })
  void aHandlerThatCannotBeResolved_failsAtStartUpNamingTheFunction(String handler, String why) {
    assertThatThrownBy(() -> LocalLambda.builder().function(FunctionSpec.of("f", handler)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Function f: " + why);
  }

  @Test
  void reservationsBeyondTheAccountsConcurrency_areRejected() {
    assertThatThrownBy(
            () ->
                LocalLambda.builder()
                    .accountConcurrency(10)
                    .function(
                        FunctionSpec.of("a", EchoHandler.class.getName())
                            .withReservedConcurrency(6))
                    .function(
                        FunctionSpec.of("b", EchoHandler.class.getName())
                            .withReservedConcurrency(5))
                    .build())
        .hasMessage("Reserved concurrency in total (11) exceeds the account's concurrency (10)");
  }

  @Test
  void stepFunctions_invokeAFunctionInProcessAndSeeItsErrorType() {
    LambdaFunction echo =
        lambda
            .asStepFunctionsFunctions()
            .find("arn:aws:lambda:eu-west-1:123456789012:function:echo")
            .orElseThrow();
    LambdaFunction fail = lambda.asStepFunctionsFunctions().find("fail:live").orElseThrow();

    assertThat(echo.invoke(Json.MAPPER.createObjectNode().put("a", 1)).get("input").toString())
        .isEqualTo("{\"a\":1}");
    assertThatThrownBy(() -> fail.invoke(Json.MAPPER.createObjectNode().put("orderId", "o-1")))
        .isInstanceOfSatisfying(
            LambdaFunctionException.class,
            e -> {
              assertThat(e.errorType())
                  .isEqualTo("dev.orderly.localcloud.lambda.handlers.FailingHandler$Declined");
              assertThat(e.errorMessage()).isEqualTo("card declined for o-1");
            });
    assertThat(lambda.asStepFunctionsFunctions().find("nope")).isEmpty();
  }

  @Test
  void functions_areListedByName() {
    assertThat(lambda.functions())
        .extracting(FunctionSpec::name)
        .containsExactly("bonjour", "echo", "fail", "hello");
    assertThat(lambda.function("hello").orElseThrow().memoryMb()).isEqualTo(256);
  }
}
