package dev.orderly.stepfunctions.internal.interpreter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderly.stepfunctions.VirtualScheduler;
import dev.orderly.stepfunctions.internal.StatesException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * Task timeouts, heartbeats, task tokens, the execution's own timeout and StopExecution, on virtual
 * time: every wait is instant and the clock shows exactly when each limit struck.
 */
class TimeAndCallbacksTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");

  private final VirtualScheduler time = new VirtualScheduler(T0);
  private final AtomicInteger tokenIds = new AtomicInteger();
  private final TaskTokens tokens =
      new TaskTokens(() -> String.format("%032d", tokenIds.incrementAndGet()));
  private final Map<String, BiFunction<JsonNode, Executor, CompletableFuture<JsonNode>>> stubs =
      new HashMap<>();
  private final List<JsonNode> sent = new ArrayList<>();

  private final Interpreter interpreter =
      Interpreter.builder()
          .scheduler(time)
          .tokens(tokens)
          .random(() -> 0.5)
          .tasks(
              new TaskInvoker() {
                @Override
                public JsonNode invoke(String resource, JsonNode input) {
                  throw new UnsupportedOperationException();
                }

                @Override
                public CompletableFuture<JsonNode> invokeAsync(
                    String resource, JsonNode input, Executor executor) {
                  sent.add(input);
                  return stubs.get(resource).apply(input, executor);
                }
              })
          .build();

  static JsonNode json(String text) {
    try {
      return JSON.readTree(text.replace('\'', '"'));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A task answering {@code result} after {@code seconds} of virtual time. */
  private void takes(String resource, long seconds, String result) {
    stubs.put(
        resource,
        (input, executor) -> time.after(Duration.ofSeconds(seconds)).thenApply(v -> json(result)));
  }

  private ExecutionResult run(String definition, String input) {
    return interpreter.run(json(definition), json(input), "e-1");
  }

  private static List<String> types(ExecutionResult result) {
    return result.history().stream().map(HistoryEvent::type).toList();
  }

  @Test
  void aTaskSlowerThanTimeoutSecondsFailsWithStatesTimeout_whichCatchSees() {
    takes("slow", 30, "{'late':true}");

    ExecutionResult result =
        run(
            "{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'slow','TimeoutSeconds':10,"
                + "'Catch':[{'ErrorEquals':['States.TaskFailed'],'Next':'Wrong'},"
                + "{'ErrorEquals':['States.Timeout'],'ResultPath':'$.error','Next':'Done'}],"
                + "'End':true},'Wrong':{'Type':'Fail'},'Done':{'Type':'Succeed'}}}",
            "{}");

    assertThat(result.succeeded()).isTrue();
    assertThat(result.output().at("/error/Error").asText()).isEqualTo("States.Timeout");
    assertThat(time.now()).isEqualTo(T0.plusSeconds(10));
    assertThat(types(result)).contains("TaskTimedOut").doesNotContain("TaskSucceeded");
  }

  @Test
  void aTaskWithinItsTimeoutSucceeds_andTimeoutSecondsPathReadsTheEffectiveInput() {
    takes("slow", 30, "{'done':true}");

    ExecutionResult result =
        run(
            "{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'slow',"
                + "'TimeoutSecondsPath':'$.limit','End':true}}}",
            "{'limit':45}");

    assertThat(result.output()).isEqualTo(json("{'done':true}"));
    assertThat(time.now()).isEqualTo(T0.plusSeconds(30));
    assertThat(result.history().stream().filter(e -> e.type().equals("TaskScheduled")))
        .singleElement()
        .satisfies(e -> assertThat(e.details().get("timeoutInSeconds").asLong()).isEqualTo(45));
  }

  @Test
  void aTimeoutSecondsPathThatIsNotAPositiveIntegerIsARuntimeError() {
    takes("slow", 1, "{}");

    ExecutionResult result =
        run(
            "{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'slow',"
                + "'TimeoutSecondsPath':'$.limit','End':true}}}",
            "{'limit':'soon'}");

    assertThat(result.status()).isEqualTo("FAILED");
    assertThat(result.error()).isEqualTo("States.Runtime");
  }

  private static final String CALLBACK =
      "{'StartAt':'Ask','States':{'Ask':{'Type':'Task',"
          + "'Resource':'arn:aws:states:::sqs:sendMessage.waitForTaskToken',"
          + "'Parameters':{'QueueUrl':'q','MessageBody':{'token.$':'$$.Task.Token','id.$':'$.id'}},"
          + "HEARTBEAT 'Catch':[{'ErrorEquals':['States.ALL'],'ResultPath':'$.error','Next':'Failed'}],"
          + "'ResultPath':'$.answer','End':true},'Failed':{'Type':'Pass','End':true}}}";

  private String tokenSent() {
    return sent.get(0).at("/MessageBody/token").asText();
  }

  /** The send succeeds at once; the answer comes through the token. */
  private void sendsMessage() {
    stubs.put(
        "arn:aws:states:::sqs:sendMessage",
        (input, executor) -> CompletableFuture.completedFuture(json("{'MessageId':'m-1'}")));
  }

  @Test
  void waitForTaskToken_passesTheTokenAndResumesWithSendTaskSuccess() {
    sendsMessage();
    time.after(Duration.ofSeconds(30))
        .thenRun(() -> tokens.succeed(tokenSent(), json("{'approved':true}")));

    ExecutionResult result = run(CALLBACK.replace("HEARTBEAT", ""), "{'id':7}");

    assertThat(result.output()).isEqualTo(json("{'id':7,'answer':{'approved':true}}"));
    assertThat(sent.get(0).at("/MessageBody/id").asInt()).isEqualTo(7);
    assertThat(tokenSent()).startsWith("AQB4");
    assertThat(time.now()).isEqualTo(T0.plusSeconds(30));
  }

  @Test
  void sendTaskFailure_failsTheTaskWithTheGivenErrorAndCause() {
    sendsMessage();
    time.after(Duration.ofSeconds(5))
        .thenRun(() -> tokens.fail(tokenSent(), "Rejected", "by the operator"));

    ExecutionResult result = run(CALLBACK.replace("HEARTBEAT", ""), "{'id':7}");

    assertThat(result.output().get("error"))
        .isEqualTo(json("{'Error':'Rejected','Cause':'by the operator'}"));
  }

  @Test
  void heartbeatsKeepATaskAlive_andSilenceEndsItWithHeartbeatTimeout() {
    sendsMessage();
    String withHeartbeat = CALLBACK.replace("HEARTBEAT", "'HeartbeatSeconds':10,");
    for (int at : new int[] {8, 16, 24}) {
      time.after(Duration.ofSeconds(at)).thenRun(() -> tokens.heartbeat(tokenSent(), time.now()));
    }
    time.after(Duration.ofSeconds(30)).thenRun(() -> tokens.succeed(tokenSent(), json("1")));

    ExecutionResult alive = run(withHeartbeat, "{'id':1}");

    assertThat(alive.output().get("answer").asInt()).isEqualTo(1);
    assertThat(time.now()).isEqualTo(T0.plusSeconds(30));

    sent.clear();
    Instant start = time.now();
    ExecutionResult silent = run(withHeartbeat, "{'id':2}");

    assertThat(silent.output().at("/error/Error").asText()).isEqualTo("States.HeartbeatTimeout");
    assertThat(time.now()).isEqualTo(start.plusSeconds(10));
  }

  @Test
  void aClosedTokenAnswersTaskTimedOut_andForeignTokensAreRejected() {
    sendsMessage();
    time.after(Duration.ofSeconds(1)).thenRun(() -> tokens.succeed(tokenSent(), json("{}")));
    run(CALLBACK.replace("HEARTBEAT", ""), "{'id':1}");

    assertThatThrownBy(() -> tokens.succeed(tokenSent(), json("{}")))
        .isInstanceOfSatisfying(
            TaskTokens.TokenException.class, e -> assertThat(e.code()).isEqualTo("TaskTimedOut"));
    assertThatThrownBy(() -> tokens.heartbeat("not-a-token", time.now()))
        .isInstanceOfSatisfying(
            TaskTokens.TokenException.class, e -> assertThat(e.code()).isEqualTo("InvalidToken"));
    assertThatThrownBy(() -> tokens.fail("AQB4" + "9".repeat(32), "E", "C"))
        .isInstanceOfSatisfying(
            TaskTokens.TokenException.class,
            e -> assertThat(e.code()).isEqualTo("TaskDoesNotExist"));
  }

  @Test
  void aFailedSendFailsACallbackTaskWithoutWaitingForTheToken() {
    stubs.put(
        "arn:aws:states:::sqs:sendMessage",
        (input, executor) ->
            CompletableFuture.failedFuture(new StatesException("SQS.QueueDoesNotExist", "no q")));

    ExecutionResult result = run(CALLBACK.replace("HEARTBEAT", ""), "{'id':1}");

    assertThat(result.output().at("/error/Error").asText()).isEqualTo("SQS.QueueDoesNotExist");
    assertThat(time.now()).isEqualTo(T0);
  }

  @Test
  void theExecutionsTimeoutSecondsEndsItAsTimedOut_whichNoCatchSees() {
    ExecutionResult result =
        run(
            "{'TimeoutSeconds':10,'StartAt':'W','States':{'W':{'Type':'Wait','Seconds':100,"
                + "'End':true}}}",
            "{}");

    assertThat(result.status()).isEqualTo("TIMED_OUT");
    assertThat(result.error()).isEqualTo("States.Timeout");
    assertThat(time.now()).isEqualTo(T0.plusSeconds(10));
    assertThat(types(result)).endsWith("ExecutionTimedOut");

    takes("slow", 60, "{}");
    ExecutionResult uncaught =
        run(
            "{'TimeoutSeconds':20,'StartAt':'T','States':{'T':{'Type':'Task','Resource':'slow',"
                + "'Catch':[{'ErrorEquals':['States.ALL'],'Next':'Done'}],'End':true},"
                + "'Done':{'Type':'Succeed'}}}",
            "{}");
    assertThat(uncaught.status()).isEqualTo("TIMED_OUT");
  }

  @Test
  void stopEndsARunningExecutionAsAborted() {
    sendsMessage();
    ExecutionControl control = new ExecutionControl();
    time.after(Duration.ofSeconds(5)).thenRun(() -> control.stop("Operator", "stopped by hand"));

    ExecutionResult result =
        interpreter.run(
            json(CALLBACK.replace("HEARTBEAT", "")),
            json("{'id':1}"),
            new Interpreter.ExecutionInfo("arn", "e-9", "sm", "machine", "role", T0),
            control);

    assertThat(result.status()).isEqualTo("ABORTED");
    assertThat(result.error()).isEqualTo("Operator");
    assertThat(result.cause()).isEqualTo("stopped by hand");
    assertThat(types(result)).endsWith("ExecutionAborted");
    assertThatThrownBy(() -> tokens.succeed(tokenSent(), json("{}")))
        .isInstanceOf(TaskTokens.TokenException.class);
  }

  @Test
  void retryDelaysAndWaitsPassOnTheVirtualClock() {
    AtomicInteger calls = new AtomicInteger();
    stubs.put(
        "flaky",
        (input, executor) ->
            calls.incrementAndGet() < 3
                ? CompletableFuture.failedFuture(new StatesException("Busy", "try later"))
                : CompletableFuture.completedFuture(json("{}")));

    ExecutionResult result =
        run(
            "{'StartAt':'W','States':{'W':{'Type':'Wait','Seconds':3600,'Next':'T'},"
                + "'T':{'Type':'Task','Resource':'flaky','Retry':[{'ErrorEquals':['Busy'],"
                + "'IntervalSeconds':2,'BackoffRate':3,'MaxAttempts':5,'JitterStrategy':'NONE'}],"
                + "'End':true}}}",
            "{}");

    assertThat(result.succeeded()).isTrue();
    assertThat(time.now()).isEqualTo(T0.plusSeconds(3600 + 2 + 6));
  }
}
