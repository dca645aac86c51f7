package dev.orderly.localcloud.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderly.localcloud.spi.FunctionInvoker;
import dev.orderly.localcloud.spi.FunctionNotFoundException;
import dev.orderly.localcloud.spi.InvokeResult;
import dev.orderly.localcloud.spi.TooManyRequestsException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntFunction;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;

/**
 * Lambda targets through a fake {@link FunctionInvoker} (the local cloud's boundary) and
 * state-machine targets through a {@link StateMachineStarter}; retries here run on the default
 * scheduler with millisecond backoff, awaited with a bound.
 */
class FunctionAndStateMachineTargetsTest {
  private static final String FUNCTION = "arn:aws:lambda:us-east-1:000000000000:function:notify";
  private static final String MACHINE =
      "arn:aws:states:us-east-1:000000000000:stateMachine:OrderSaga";

  private LocalEventBridge bridge;
  private EventBridgeClient events;

  /** Answers the n-th asynchronous invocation as {@code outcomes} says. */
  private static final class FakeFunctions implements FunctionInvoker {
    final List<String> payloads = new ArrayList<>();
    final IntFunction<InvokeResult> outcomes;

    FakeFunctions(IntFunction<InvokeResult> outcomes) {
      this.outcomes = outcomes;
    }

    @Override
    public synchronized InvokeResult invoke(String functionNameOrArn, byte[] payload) {
      payloads.add(functionNameOrArn + " " + new String(payload, StandardCharsets.UTF_8));
      return outcomes.apply(payloads.size() - 1);
    }

    @Override
    public CompletableFuture<InvokeResult> invokeAsync(String functionNameOrArn, byte[] payload) {
      return CompletableFuture.supplyAsync(() -> invoke(functionNameOrArn, payload));
    }

    synchronized List<String> payloads() {
      return List.copyOf(payloads);
    }
  }

  @AfterEach
  void stop() {
    events.close();
    bridge.close();
  }

  private void start(LocalEventBridge.Builder builder, TargetSpec target) {
    bridge = builder.backoff(Duration.ofMillis(5), Duration.ofMillis(20)).build();
    bridge.putRule(
        new RuleSpec("Orders", null, "{\"source\": [\"orderly.orders\"]}", List.of(target)));
    events = LocalSqs.events(bridge.start());
    events.putEvents(
        b ->
            b.entries(
                PutEventsRequestEntry.builder()
                    .source("orderly.orders")
                    .detailType("OrderConfirmed")
                    .detail("{\"orderId\":\"o-5\"}")
                    .build()));
    assertThat(bridge.awaitIdle(Duration.ofSeconds(10))).isTrue();
  }

  private static InvokeResult ok() {
    return InvokeResult.success("null".getBytes(StandardCharsets.UTF_8));
  }

  private static InvokeResult unhandled() {
    return InvokeResult.unhandled(
        "{\"errorMessage\":\"boom\",\"errorType\":\"java.lang.IllegalStateException\"}"
            .getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void lambdaTarget_isInvokedAsynchronouslyWithTheShapedInput() {
    FakeFunctions functions = new FakeFunctions(n -> ok());

    start(
        LocalEventBridge.builder().functions(functions),
        TargetSpec.of("Notify", FUNCTION).withInputPath("$.detail"));

    assertThat(functions.payloads()).containsExactly(FUNCTION + " {\"orderId\":\"o-5\"}");
    assertThat(bridge.stats().delivered()).isEqualTo(1);
  }

  @Test
  void functionError_isRetried_untilTheFunctionSucceeds() {
    FakeFunctions functions = new FakeFunctions(n -> n < 2 ? unhandled() : ok());

    start(LocalEventBridge.builder().functions(functions), TargetSpec.of("Notify", FUNCTION));

    assertThat(functions.payloads()).hasSize(3);
    assertThat(bridge.stats().retried()).isEqualTo(2);
    assertThat(bridge.stats().delivered()).isEqualTo(1);
  }

  @Test
  void throttledFunction_isRetried() {
    FunctionInvoker throttledOnce =
        new FakeFunctions(
            n -> {
              if (n == 0) {
                throw new TooManyRequestsException("notify", 1);
              }
              return ok();
            });

    start(LocalEventBridge.builder().functions(throttledOnce), TargetSpec.of("Notify", FUNCTION));

    assertThat(bridge.stats().retried()).isEqualTo(1);
    assertThat(bridge.stats().delivered()).isEqualTo(1);
  }

  @Test
  void missingFunction_isNotRetried() {
    FunctionInvoker none =
        new FakeFunctions(
            n -> {
              throw new FunctionNotFoundException(FUNCTION);
            });

    start(
        LocalEventBridge.builder().functions(none),
        TargetSpec.of("Notify", FUNCTION).withRetryPolicy(new RetryPolicy(5, 600)));

    assertThat(bridge.stats().retried()).isZero();
    assertThat(bridge.stats().dropped()).isEqualTo(1);
  }

  @Test
  void stateMachineTarget_startsAnExecutionWithTheEvent() {
    List<String> started = new ArrayList<>();

    start(
        LocalEventBridge.builder()
            .stateMachines(
                (arn, input) -> {
                  synchronized (started) {
                    started.add(arn + " " + input);
                  }
                }),
        TargetSpec.of("Saga", MACHINE)
            .withInputTransformer(
                new InputTransformerSpec(
                    java.util.Map.of("id", "$.detail.orderId"), "{\"orderId\": <id>}")));

    assertThat(started).containsExactly(MACHINE + " {\"orderId\":\"o-5\"}");
  }

  @Test
  void awaitIdle_waitsForScheduledRetries() {
    FakeFunctions slowToRecover = new FakeFunctions(n -> n < 4 ? unhandled() : ok());

    start(LocalEventBridge.builder().functions(slowToRecover), TargetSpec.of("Notify", FUNCTION));

    Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> bridge.stats().delivered() == 1);
    assertThat(slowToRecover.payloads()).hasSize(5);
  }
}
