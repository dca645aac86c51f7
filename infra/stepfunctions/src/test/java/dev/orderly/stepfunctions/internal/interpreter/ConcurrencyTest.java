package dev.orderly.stepfunctions.internal.interpreter;

import static dev.orderly.stepfunctions.internal.interpreter.TimeAndCallbacksTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderly.stepfunctions.Scheduler;
import dev.orderly.stepfunctions.internal.StatesException;
import java.time.Clock;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Parallel branches and Map iterations really run at once on a thread pool, Map honours
 * MaxConcurrency, and failure tolerance counts failed iterations. Overlap is proven with barriers
 * (a bounded wait that breaks if the partners never arrive), not with sleeps.
 */
class ConcurrencyTest {
  private final ExecutorService pool = Executors.newCachedThreadPool();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  private Interpreter interpreter(BiFunction<String, JsonNode, JsonNode> task) {
    return Interpreter.builder()
        .scheduler(Scheduler.real(Clock.systemUTC()))
        .branchExecutor(pool)
        .taskExecutor(pool)
        .tasks(task::apply)
        .build();
  }

  /** A task that meets {@code partners - 1} others at the barrier before answering. */
  private JsonNode meet(CyclicBarrier barrier, JsonNode input) {
    int now = inFlight.incrementAndGet();
    maxInFlight.accumulateAndGet(now, Math::max);
    try {
      barrier.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (BrokenBarrierException | TimeoutException e) {
      throw new StatesException("NoOverlap", "the partner iteration never ran alongside");
    } finally {
      inFlight.decrementAndGet();
    }
    return input;
  }

  @Test
  void mapRunsAtMostMaxConcurrencyIterationsAtOnce() {
    CyclicBarrier pairs = new CyclicBarrier(2);
    Interpreter interpreter = interpreter((resource, input) -> meet(pairs, input));

    ExecutionResult result =
        interpreter.run(
            json(
                "{'StartAt':'M','States':{'M':{'Type':'Map','MaxConcurrency':2,'End':true,"
                    + "'ItemProcessor':{'StartAt':'T','States':{'T':{'Type':'Task',"
                    + "'Resource':'meet','End':true}}}}}}"),
            json("[1,2,3,4,5,6]"),
            "map");

    assertThat(result.succeeded()).as("%s %s", result.error(), result.cause()).isTrue();
    assertThat(result.output()).isEqualTo(json("[1,2,3,4,5,6]"));
    assertThat(maxInFlight.get()).isEqualTo(2);
  }

  @Test
  void parallelBranchesRunAtOnce_andAFailingBranchCancelsAWaitingSibling() {
    CyclicBarrier both = new CyclicBarrier(2);
    Interpreter interpreter =
        interpreter(
            (resource, input) -> {
              if (resource.equals("meet")) {
                return meet(both, input);
              }
              if (resource.equals("arn:aws:states:::sqs:sendMessage")) {
                return input; // sent; the branch now waits for a token nobody will send
              }
              throw new StatesException("Boom", "branch two failed");
            });
    String branch = "{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'%s','End':true}}}";

    ExecutionResult together =
        interpreter.run(
            json(
                "{'StartAt':'P','States':{'P':{'Type':'Parallel','End':true,'Branches':["
                    + branch.formatted("meet")
                    + ","
                    + branch.formatted("meet")
                    + "]}}}"),
            json("{'v':1}"),
            "together");
    assertThat(together.output()).isEqualTo(json("[{'v':1},{'v':1}]"));

    ExecutionResult failed =
        interpreter.run(
            json(
                "{'StartAt':'P','States':{'P':{'Type':'Parallel','End':true,'Branches':["
                    + "{'StartAt':'W','States':{'W':{'Type':'Task','Resource':"
                    + "'arn:aws:states:::sqs:sendMessage.waitForTaskToken','End':true}}},"
                    + branch.formatted("boom")
                    + "]}}}"),
            json("{}"),
            "failed");
    assertThat(failed.status()).isEqualTo("FAILED");
    assertThat(failed.error()).isEqualTo("Boom");
  }

  private static final String TOLERANT_MAP =
      "{'StartAt':'M','States':{'M':{'Type':'Map',%s,'End':true,"
          + "'ItemProcessor':{'StartAt':'C','States':{'C':{'Type':'Choice','Choices':[{"
          + "'Variable':'$','NumericGreaterThan':0,'Next':'Ok'}],'Default':'Bad'},"
          + "'Ok':{'Type':'Succeed'},'Bad':{'Type':'Fail','Error':'Negative','Cause':'below 0'}}}}}}";

  private ExecutionResult tolerant(String tolerance, String items) {
    return interpreter((r, i) -> i).run(json(TOLERANT_MAP.formatted(tolerance)), json(items), "t");
  }

  @Test
  void toleratedFailuresLeaveTheirErrorInPlace_andOneMoreFailsTheMap() {
    ExecutionResult withinCount = tolerant("'ToleratedFailureCount':1", "[1,-1,2]");
    assertThat(withinCount.output())
        .isEqualTo(json("[1,{'Error':'Negative','Cause':'below 0'},2]"));

    ExecutionResult overCount = tolerant("'ToleratedFailureCount':1", "[1,-1,-2]");
    assertThat(overCount.error()).isEqualTo("States.ExceedToleratedFailureThreshold");

    assertThat(tolerant("'ToleratedFailurePercentage':50", "[1,-1,-2,3]").succeeded()).isTrue();
    assertThat(tolerant("'ToleratedFailurePercentage':50", "[1,-1,-2,-3]").error())
        .isEqualTo("States.ExceedToleratedFailureThreshold");
    assertThat(tolerant("'ToleratedFailureCountPath':'$[0]'", "[2,-1,-2]").succeeded()).isTrue();
  }

  @Test
  void withoutToleranceTheFirstFailingIterationFailsTheMapWithItsOwnError() {
    ExecutionResult result =
        interpreter((r, i) -> i)
            .run(json(TOLERANT_MAP.replace("%s,", "'MaxConcurrency':1,")), json("[1,-1,2]"), "m");

    assertThat(result.error()).isEqualTo("Negative");
  }
}
