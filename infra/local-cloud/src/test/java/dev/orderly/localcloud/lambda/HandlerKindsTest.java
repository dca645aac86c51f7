package dev.orderly.localcloud.lambda;

import static dev.orderly.localcloud.lambda.Json.bytes;
import static dev.orderly.localcloud.lambda.Json.read;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderly.localcloud.lambda.handlers.EchoHandler;
import dev.orderly.localcloud.lambda.handlers.GenericHandlers;
import dev.orderly.localcloud.lambda.handlers.HttpHandler;
import dev.orderly.localcloud.lambda.handlers.PlainMethods;
import dev.orderly.localcloud.lambda.handlers.ScheduleHandler;
import dev.orderly.localcloud.lambda.handlers.SqsBatchHandler;
import dev.orderly.localcloud.lambda.handlers.UpperCaseStreamHandler;
import dev.orderly.localcloud.spi.InvokeResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every kind of handler, with requests and responses through the runtime's serializers: event
 * classes, maps, strings, streams, plain methods, types given through a superclass.
 */
class HandlerKindsTest {
  private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");
  private final AtomicInteger ids = new AtomicInteger();
  private final LocalLambda lambda =
      LocalLambda.builder()
          .clock(Clock.fixed(NOW, ZoneOffset.UTC))
          .ids(() -> "req-" + ids.incrementAndGet())
          .function(
              FunctionSpec.of("echo", EchoHandler.class.getName() + "::handleRequest")
                  .withMemoryMb(1024)
                  .withTimeout(Duration.ofSeconds(10)))
          .function(FunctionSpec.of("sqs", SqsBatchHandler.class.getName()))
          .function(FunctionSpec.of("http", HttpHandler.class.getName() + "::handleRequest"))
          .function(FunctionSpec.of("schedule", ScheduleHandler.class.getName()))
          .function(FunctionSpec.of("stream", UpperCaseStreamHandler.class.getName()))
          .function(FunctionSpec.of("greet", PlainMethods.class.getName() + "::greet"))
          .function(FunctionSpec.of("sum", PlainMethods.class.getName() + "::sum"))
          .function(FunctionSpec.of("nothing", PlainMethods.class.getName() + "::nothing"))
          .function(FunctionSpec.of("generic", GenericHandlers.Sum.class.getName()))
          .build();

  @AfterEach
  void close() {
    lambda.close();
  }

  @Test
  void mapHandler_getsItsInputAndTheContextOfTheInvocation() {
    InvokeResult result = lambda.invoke("echo", bytes("{\"orderId\":\"o-1\",\"lines\":[1,2]}"));

    assertThat(result.failed()).isFalse();
    JsonNode output = read(result);
    assertThat(output.get("input").toString()).isEqualTo("{\"orderId\":\"o-1\",\"lines\":[1,2]}");
    assertThat(output.get("functionName").asText()).isEqualTo("echo");
    assertThat(output.get("requestId").asText()).isEqualTo("req-1");
    assertThat(output.get("memory").asInt()).isEqualTo(1024);
    assertThat(output.get("remainingMillis").asInt()).isEqualTo(10_000);
    assertThat(output.get("thread").asText()).isEqualTo("lambda-echo-1");
  }

  @Test
  void aNullResponse_isJsonNull() {
    InvokeResult result = lambda.invoke("echo", bytes("{\"returnNull\":true}"));

    assertThat(result.payloadUtf8()).isEqualTo("null");
  }

  @Test
  void sqsHandler_readsTheEventAndWritesItsBatchResponse() {
    InvokeResult result =
        lambda.invoke(
            "sqs",
            bytes(
                """
                {"Records":[
                  {"messageId":"m-1","body":"ok","eventSource":"aws:sqs","attributes":{"ApproximateReceiveCount":"1"}},
                  {"messageId":"m-2","body":"fail","eventSource":"aws:sqs","attributes":{"ApproximateReceiveCount":"1"}}]}
                """));

    assertThat(result.payloadUtf8())
        .isEqualTo("{\"batchItemFailures\":[{\"itemIdentifier\":\"m-2\"}]}");
  }

  @Test
  void httpHandler_readsTheApiGatewayEventAndWritesItsResponse() {
    InvokeResult result =
        lambda.invoke(
            "http",
            bytes(
                """
                {"version":"2.0","routeKey":"GET /users/{id}","rawPath":"/users/u-1",
                 "pathParameters":{"id":"u-1"},"isBase64Encoded":false,
                 "requestContext":{"authorizer":{"jwt":{"claims":{"tenant_id":"acme"}}},
                   "http":{"method":"GET","path":"/users/u-1"},"timeEpoch":1777629600000}}
                """));

    JsonNode response = read(result);
    assertThat(response.get("statusCode").asInt()).isEqualTo(200);
    assertThat(response.get("body").asText()).isEqualTo("GET /users/{id} u-1 acme");
    assertThat(response.get("headers").get("Content-Type").asText()).isEqualTo("text/plain");
  }

  @Test
  void scheduledEvent_isReadWithItsJodaTime() {
    InvokeResult result =
        lambda.invoke(
            "schedule",
            bytes(
                """
                {"version":"0","id":"e-1","detail-type":"Scheduled Event","source":"aws.events",
                 "account":"000000000000","time":"2026-05-01T10:00:00Z","region":"us-east-1",
                 "resources":[],"detail":{}}
                """));

    assertThat(result.payloadUtf8()).isEqualTo("\"Scheduled Event at " + NOW.toEpochMilli() + "\"");
  }

  @Test
  void streamHandler_getsTheBytesAndAnswersWhatItWrote() {
    InvokeResult result = lambda.invoke("stream", bytes("{\"a\":\"b\"}"));

    assertThat(result.payloadUtf8()).isEqualTo("{\"A\":\"B\"}");
  }

  @Test
  void methodHandler_isTheLongestOverloadWithAContext() {
    InvokeResult result = lambda.invoke("greet", bytes("{\"name\":\"Ada\"}"));

    assertThat(result.payloadUtf8()).isEqualTo("\"hello Ada from greet\"");
  }

  @Test
  void staticMethodHandler_readsItsGenericParameterType() {
    assertThat(lambda.invoke("sum", bytes("[1,2,3]")).payloadUtf8()).isEqualTo("6");
  }

  @Test
  void voidMethodHandler_answersNull() {
    assertThat(lambda.invoke("nothing", bytes("{}")).payloadUtf8()).isEqualTo("null");
  }

  @Test
  void typeArgumentsGivenThroughASuperclass_areResolved() {
    assertThat(lambda.invoke("generic", bytes("[4,5]")).payloadUtf8()).isEqualTo("9");
  }

  @Test
  void aRequestTheInputTypeCannotRead_failsAsTheRuntimeReportsIt() {
    InvokeResult result = lambda.invoke("sum", bytes("{\"not\":\"a list\"}"));

    assertThat(result.functionError()).isEqualTo("Unhandled");
    JsonNode error = read(result);
    assertThat(error.get("errorType").asText()).isEqualTo("java.lang.RuntimeException");
    assertThat(error.get("errorMessage").asText())
        .isEqualTo("An error occurred during JSON parsing");
    assertThat(error.has("cause")).isTrue();
  }
}
