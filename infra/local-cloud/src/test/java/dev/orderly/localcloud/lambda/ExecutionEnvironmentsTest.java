package dev.orderly.localcloud.lambda;

import static dev.orderly.localcloud.lambda.Json.bytes;
import static dev.orderly.localcloud.lambda.Json.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderly.localcloud.lambda.handlers.BrokenConstructorHandler;
import dev.orderly.localcloud.lambda.handlers.EchoHandler;
import dev.orderly.localcloud.lambda.handlers.Gate;
import dev.orderly.localcloud.spi.InvokeResult;
import dev.orderly.localcloud.spi.TooManyRequestsException;
import dev.orderly.stepfunctions.LambdaFunctionException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Execution environments as Lambda keeps them: built at a cold start, reused warm, one invocation
 * each at a time, discarded after an init failure or a timeout; concurrency throttled at once.
 */
class ExecutionEnvironmentsTest {
  private final AtomicInteger ids = new AtomicInteger();
  private final LocalLambda lambda =
      LocalLambda.builder()
          .clock(Clock.fixed(Instant.parse("2026-05-01T10:00:00Z"), ZoneOffset.UTC))
          .ids(() -> "req-" + ids.incrementAndGet())
          .accountConcurrency(4)
          .function(FunctionSpec.of("echo", EchoHandler.class.getName()))
          .function(FunctionSpec.of("other", EchoHandler.class.getName()))
          .function(
              FunctionSpec.of("bulkhead", EchoHandler.class.getName()).withReservedConcurrency(2))
          .function(
              FunctionSpec.of("disabled", EchoHandler.class.getName()).withReservedConcurrency(0))
          .function(
              FunctionSpec.of("slow", EchoHandler.class.getName())
                  .withTimeout(Duration.ofSeconds(5)))
          .function(FunctionSpec.of("broken", BrokenConstructorHandler.class.getName()))
          .build();

  @AfterEach
  void close() {
    lambda.close();
  }

  @Test
  void injectedErrors_failTheMatchingInvocationsWithoutRunningTheHandler() {
    lambda.injectErrors("echo", 2, payload -> payload.contains("\"tenant\":\"t1\""));

    InvokeResult other = lambda.invoke("echo", bytes("{\"tenant\":\"t2\"}"));
    InvokeResult first = lambda.invoke("echo", bytes("{\"tenant\":\"t1\"}"));
    InvokeResult second = lambda.invoke("echo", bytes("{\"tenant\":\"t1\"}"));
    InvokeResult third = lambda.invoke("echo", bytes("{\"tenant\":\"t1\"}"));

    assertThat(other.failed()).isFalse();
    for (InvokeResult injected : List.of(first, second)) {
      assertThat(injected.functionError()).isEqualTo("Unhandled");
      assertThat(read(injected.payload()).path("errorType").asText())
          .isEqualTo("LocalCloud.InjectedError");
    }
    assertThat(read(third.payload()).path("input").path("tenant").asText()).isEqualTo("t1");
    FunctionStats stats = lambda.stats("echo");
    assertThat(stats.invocations()).isEqualTo(4);
    assertThat(stats.errors()).isEqualTo(2);
    assertThat(stats.injectedErrors()).isEqualTo(2);
    assertThat(stats.coldStarts()).as("the injected ones ran no handler").isEqualTo(1);
  }

  @Test
  void sequentialInvocations_reuseOneWarmEnvironment() {
    String first = instance(lambda.invoke("echo", bytes("{}")));
    String second = instance(lambda.invoke("echo", bytes("{}")));
    String third = instance(lambda.invoke("echo", bytes("{}")));

    assertThat(List.of(second, third)).containsOnly(first);
    FunctionStats stats = lambda.stats("echo");
    assertThat(stats.invocations()).isEqualTo(3);
    assertThat(stats.coldStarts()).isEqualTo(1);
    assertThat(stats.initDuration()).isEqualTo(Duration.ZERO);
    assertThat(stats.concurrentMax()).isEqualTo(1);
  }

  @Test
  void initDuration_isMeasuredOnTheInjectedClock_forColdStartsOnly() {
    Instant start = Instant.parse("2026-05-01T10:00:00Z");
    AtomicInteger reads = new AtomicInteger();
    Clock stepping =
        new Clock() {
          @Override
          public Instant instant() {
            return start.plusMillis(250L * reads.getAndIncrement());
          }

          @Override
          public ZoneOffset getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(java.time.ZoneId zone) {
            throw new UnsupportedOperationException();
          }
        };
    // Every clock read moves 250 ms, so a 3 s timeout would leave the handler under 3 s of real
    // time on a loaded machine; a timed-out environment is discarded and the second call would
    // start cold. The longest timeout keeps this test about init duration only.
    try (LocalLambda stepped =
        LocalLambda.builder()
            .clock(stepping)
            .function(
                FunctionSpec.of("echo", EchoHandler.class.getName())
                    .withTimeout(Duration.ofSeconds(900)))
            .build()) {
      stepped.invoke("echo", bytes("{}"));
      stepped.invoke("echo", bytes("{}"));

      FunctionStats stats = stepped.stats("echo");
      assertThat(stats.coldStarts()).isEqualTo(1);
      assertThat(stats.initDuration()).isEqualTo(Duration.ofMillis(250));
    }
  }

  @Test
  void concurrentInvocations_runInSeparateEnvironments_thenBothStayWarm() throws Exception {
    Gate gate = Gate.create();
    CompletableFuture<InvokeResult> a = lambda.invokeAsync("echo", gated(gate));
    CompletableFuture<InvokeResult> b = lambda.invokeAsync("echo", gated(gate));
    assertThat(gate.awaitInside(2)).isTrue();
    gate.open();
    String instanceA = instance(a.get(10, TimeUnit.SECONDS));
    String instanceB = instance(b.get(10, TimeUnit.SECONDS));

    assertThat(instanceA).isNotEqualTo(instanceB);
    String third = instance(lambda.invoke("echo", bytes("{}")));
    assertThat(third).isIn(instanceA, instanceB);
    FunctionStats stats = lambda.stats("echo");
    assertThat(stats.coldStarts()).isEqualTo(2);
    assertThat(stats.concurrentMax()).isEqualTo(2);
  }

  @Test
  void reservedConcurrency_throttlesTheInvocationBeyondIt_atOnce() throws Exception {
    Gate gate = Gate.create();
    CompletableFuture<InvokeResult> a = lambda.invokeAsync("bulkhead", gated(gate));
    CompletableFuture<InvokeResult> b = lambda.invokeAsync("bulkhead", gated(gate));
    assertThat(gate.awaitInside(2)).isTrue();

    assertThatThrownBy(() -> lambda.invoke("bulkhead", bytes("{}")))
        .isInstanceOf(TooManyRequestsException.class)
        .hasMessageContaining("bulkhead is at its reserved concurrency of 2");
    assertThatThrownBy(
            () ->
                lambda
                    .asStepFunctionsFunctions()
                    .find("bulkhead")
                    .orElseThrow()
                    .invoke(Json.MAPPER.createObjectNode()))
        .isInstanceOfSatisfying(
            LambdaFunctionException.class,
            e -> assertThat(e.errorType()).isEqualTo("Lambda.TooManyRequestsException"));
    assertThat(lambda.invoke("echo", bytes("{}")).failed()).as("others are not held up").isFalse();

    gate.open();
    a.get(10, TimeUnit.SECONDS);
    b.get(10, TimeUnit.SECONDS);
    assertThat(lambda.invoke("bulkhead", bytes("{}")).failed()).isFalse();
    FunctionStats stats = lambda.stats("bulkhead");
    assertThat(stats.throttles()).isEqualTo(2);
    assertThat(stats.invocations()).isEqualTo(3);
    assertThat(stats.concurrentMax()).isEqualTo(2);
  }

  @Test
  void aReservedConcurrencyOfZero_throttlesEveryInvocation() {
    assertThatThrownBy(() -> lambda.invoke("disabled", bytes("{}")))
        .isInstanceOf(TooManyRequestsException.class);
    assertThat(lambda.stats("disabled").invocations()).isZero();
  }

  @Test
  void unreservedFunctions_shareWhatTheAccountHasLeft() throws Exception {
    // account 4, reserved 2 + 0: unreserved functions share 2
    Gate gate = Gate.create();
    CompletableFuture<InvokeResult> a = lambda.invokeAsync("echo", gated(gate));
    CompletableFuture<InvokeResult> b = lambda.invokeAsync("other", gated(gate));
    assertThat(gate.awaitInside(2)).isTrue();

    assertThatThrownBy(() -> lambda.invoke("echo", bytes("{}")))
        .isInstanceOf(TooManyRequestsException.class);
    assertThatThrownBy(() -> lambda.invoke("other", bytes("{}")))
        .isInstanceOf(TooManyRequestsException.class);
    assertThat(lambda.invoke("bulkhead", bytes("{}")).failed())
        .as("a reservation is its own")
        .isFalse();

    gate.open();
    a.get(10, TimeUnit.SECONDS);
    b.get(10, TimeUnit.SECONDS);
    assertThat(lambda.invoke("echo", bytes("{}")).failed()).isFalse();
  }

  @Test
  void aConstructorThatThrows_failsTheInvocationAsAnInitError_andLeavesNoEnvironment() {
    InvokeResult first = lambda.invoke("broken", bytes("{}"));
    InvokeResult second = lambda.invoke("broken", bytes("{}"));

    assertThat(first.functionError()).isEqualTo("Unhandled");
    assertThat(first.payloadUtf8())
        .isEqualTo(
            "{\"errorMessage\":\"environment variable TABLE is not set\","
                + "\"errorType\":\"dev.orderly.lambda.config.ConfigurationException\"}");
    assertThat(second.payloadUtf8()).isEqualTo(first.payloadUtf8());
    assertThat(first.timedOut()).isFalse();
    FunctionStats stats = lambda.stats("broken");
    assertThat(stats.coldStarts()).as("each invocation tries a new environment").isEqualTo(2);
    assertThat(stats.errors()).isEqualTo(2);
  }

  @Test
  void anInvocationPastItsTimeout_failsAsLambdaReportsIt_andItsEnvironmentIsDiscarded()
      throws Exception {
    String warm = instance(lambda.invoke("slow", bytes("{}")));
    Gate gate = Gate.create();

    InvokeResult result = lambda.invoke("slow", gated(gate));

    assertThat(result.functionError()).isEqualTo("Unhandled");
    assertThat(read(result))
        .isEqualTo(
            Json.MAPPER.readTree(
                "{\"errorMessage\":\"RequestId: req-2 Error: Task timed out after 5.00 seconds\","
                    + "\"errorType\":\"Sandbox.Timedout\"}"));
    assertThat(result.timedOut()).as("what the SQS mappings tell apart").isTrue();
    assertThat(gate.awaitInterrupted()).as("the handler's thread is interrupted").isTrue();
    String next = instance(lambda.invoke("slow", bytes("{}")));
    assertThat(next).isNotEqualTo(warm);
    FunctionStats stats = lambda.stats("slow");
    assertThat(stats.timeouts()).isEqualTo(1);
    assertThat(stats.errors()).isEqualTo(1);
    assertThat(stats.coldStarts()).isEqualTo(2);
    gate.open();
  }

  private static byte[] gated(Gate gate) {
    return bytes("{\"gate\":\"" + gate.id() + "\"}");
  }

  private static String instance(InvokeResult result) {
    assertThat(result.failed()).as(result.payloadUtf8()).isFalse();
    JsonNode output = read(result);
    return output.get("instance").asText();
  }
}
