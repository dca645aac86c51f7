package dev.orderly.localcloud.lambda;

import static dev.orderly.localcloud.lambda.Json.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderly.localcloud.lambda.handlers.EchoHandler;
import dev.orderly.localcloud.lambda.handlers.FailingHandler;
import dev.orderly.localcloud.lambda.handlers.Gate;
import dev.orderly.localcloud.spi.InvokeResult;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.GetFunctionResponse;
import software.amazon.awssdk.services.lambda.model.InvalidRequestContentException;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.ThrottleReason;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;

/** Lambda's Invoke API on loopback, driven by the SDK's own LambdaClient. */
class LambdaApiServerTest {
  private static LocalLambda lambda;
  private static LambdaApiServer server;
  private static LambdaClient client;

  @BeforeAll
  static void start() {
    lambda =
        LocalLambda.builder()
            .accountId("123456789012")
            .function(
                FunctionSpec.of("echo", EchoHandler.class.getName() + "::handleRequest")
                    .withMemoryMb(512)
                    .withTimeout(Duration.ofSeconds(15))
                    .withEnvironment(Map.of("TABLE", "orders")))
            .function(FunctionSpec.of("fail", FailingHandler.class.getName()))
            .function(
                FunctionSpec.of("bulkhead", EchoHandler.class.getName()).withReservedConcurrency(1))
            .build();
    server = LambdaApiServer.start(lambda, 0);
    client =
        LambdaClient.builder()
            .endpointOverride(server.endpoint())
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
            .httpClient(UrlConnectionHttpClient.builder().build())
            .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
            .build();
  }

  @AfterAll
  static void stop() {
    client.close();
    server.close();
    lambda.close();
  }

  @Test
  void requestResponse_answersTheFunctionsPayload() {
    InvokeResponse response =
        client.invoke(
            b ->
                b.functionName("arn:aws:lambda:us-east-1:123456789012:function:echo")
                    .payload(SdkBytes.fromUtf8String("{\"orderId\":\"o-1\"}")));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.functionError()).isNull();
    assertThat(response.executedVersion()).isEqualTo("$LATEST");
    JsonNode output = Json.read(response.payload().asByteArray());
    assertThat(output.get("input").toString()).isEqualTo("{\"orderId\":\"o-1\"}");
    assertThat(output.get("functionName").asText()).isEqualTo("echo");
  }

  @Test
  void anUnhandledError_isA200WithTheFunctionErrorHeader() {
    InvokeResponse response =
        client.invoke(
            b ->
                b.functionName("fail").qualifier("$LATEST").payload(SdkBytes.fromUtf8String("{}")));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.functionError()).isEqualTo("Unhandled");
    assertThat(Json.read(response.payload().asByteArray()).get("errorType").asText())
        .isEqualTo("dev.orderly.localcloud.lambda.handlers.FailingHandler$Declined");
  }

  @Test
  void anEventInvocation_isAcceptedAndRunLater() {
    long before = lambda.stats("echo").invocations();

    InvokeResponse response =
        client.invoke(
            b ->
                b.functionName("echo")
                    .invocationType(InvocationType.EVENT)
                    .payload(SdkBytes.fromUtf8String("{}")));

    assertThat(response.statusCode()).isEqualTo(202);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> lambda.stats("echo").invocations() == before + 1);
  }

  @Test
  void aDryRun_checksTheFunctionWithoutRunningIt() {
    long before = lambda.stats("fail").invocations();

    InvokeResponse response =
        client.invoke(b -> b.functionName("fail").invocationType(InvocationType.DRY_RUN));

    assertThat(response.statusCode()).isEqualTo(204);
    assertThat(lambda.stats("fail").invocations()).isEqualTo(before);
  }

  @Test
  void anUnknownFunction_isResourceNotFound() {
    assertThatThrownBy(() -> client.invoke(b -> b.functionName("nope")))
        .isInstanceOfSatisfying(
            ResourceNotFoundException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(404);
              assertThat(e.awsErrorDetails().errorMessage())
                  .isEqualTo(
                      "Function not found: arn:aws:lambda:us-east-1:123456789012:function:nope");
            });
  }

  @Test
  void aPayloadThatIsNotJson_isRejected() {
    assertThatThrownBy(
            () -> client.invoke(b -> b.functionName("echo").payload(SdkBytes.fromUtf8String("{"))))
        .isInstanceOfSatisfying(
            InvalidRequestContentException.class, e -> assertThat(e.statusCode()).isEqualTo(400));
  }

  @Test
  void anInvalidFunctionName_isAValidationError() {
    assertThatThrownBy(() -> client.invoke(b -> b.functionName("bad%20name")))
        .isInstanceOfSatisfying(
            LambdaException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(400);
              assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
            });
  }

  @Test
  void aThrottledInvocation_isTooManyRequestsWithItsReason() throws Exception {
    Gate gate = Gate.create();
    CompletableFuture<InvokeResult> holding =
        lambda.invokeAsync("bulkhead", bytes("{\"gate\":\"" + gate.id() + "\"}"));
    assertThat(gate.awaitInside(1)).isTrue();
    try {
      assertThatThrownBy(
              () ->
                  client.invoke(
                      b -> b.functionName("bulkhead").payload(SdkBytes.fromUtf8String("{}"))))
          .isInstanceOfSatisfying(
              TooManyRequestsException.class,
              e -> {
                assertThat(e.statusCode()).isEqualTo(429);
                assertThat(e.reason())
                    .isEqualTo(
                        ThrottleReason.RESERVED_FUNCTION_CONCURRENT_INVOCATION_LIMIT_EXCEEDED);
                assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Rate Exceeded.");
              });
    } finally {
      gate.open();
    }
    assertThat(holding.get(10, TimeUnit.SECONDS).failed()).isFalse();
  }

  @Test
  void listFunctions_describesEveryFunction() {
    assertThat(client.listFunctions().functions())
        .extracting(FunctionConfiguration::functionName)
        .containsExactly("bulkhead", "echo", "fail");
  }

  @Test
  void getFunction_describesItsConfigurationAndReservation() {
    GetFunctionResponse echo = client.getFunction(b -> b.functionName("echo"));
    GetFunctionResponse bulkhead = client.getFunction(b -> b.functionName("bulkhead"));

    FunctionConfiguration c = echo.configuration();
    assertThat(c.functionArn()).isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:echo");
    assertThat(c.handler()).isEqualTo(EchoHandler.class.getName() + "::handleRequest");
    assertThat(c.runtimeAsString()).isEqualTo("java17");
    assertThat(c.memorySize()).isEqualTo(512);
    assertThat(c.timeout()).isEqualTo(15);
    assertThat(c.environment().variables()).isEqualTo(Map.of("TABLE", "orders"));
    assertThat(c.stateAsString()).isEqualTo("Active");
    assertThat(echo.concurrency()).isNull();
    assertThat(bulkhead.concurrency().reservedConcurrentExecutions()).isEqualTo(1);
    assertThat(client.getFunctionConfiguration(b -> b.functionName("fail")).handler())
        .isEqualTo(FailingHandler.class.getName());
    assertThatThrownBy(() -> client.getFunction(b -> b.functionName("nope")))
        .isInstanceOf(ResourceNotFoundException.class);
  }
}
