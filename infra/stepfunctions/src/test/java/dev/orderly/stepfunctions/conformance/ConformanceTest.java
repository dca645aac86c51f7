package dev.orderly.stepfunctions.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderly.stepfunctions.oracle.AwsLocalStepFunctions;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The conformance corpus ({@code src/test/resources/conformance}): each definition runs on this
 * interpreter and on aws-local-stepfunctions 3.0.0 with the same scripted tasks, and both must end
 * alike: the same status, then the same output, or the same error and cause (the cause is not
 * compared for predefined {@code States.*} errors, whose wording each implementation chooses: see
 * {@link Outcome#compared()}). Where a file documents that the oracle is wrong ("expected" with its
 * "source"), the interpreter must end as documented and the oracle must still differ, so that a
 * fixed oracle tells us to drop the override.
 */
class ConformanceTest {
  private static AwsLocalStepFunctions oracle;

  @BeforeAll
  static void start() {
    oracle = AwsLocalStepFunctions.start();
  }

  @AfterAll
  static void stop() {
    oracle.close();
  }

  static Stream<ConformanceCase> corpus() {
    return ConformanceCase.readAll(Corpus.CASES).stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void interpreterEndsAsTheOracleOrAsDocumented(ConformanceCase c) {
    Outcome oracled = Executions.onOracle(oracle, c);
    AtomicReference<ScriptedTasks> tasks = new AtomicReference<>();
    Outcome interpreted =
        Executions.onInterpreter(
            c,
            (time, tokens) -> {
              tasks.set(new ScriptedTasks(c.definition(), c.tasks(), time, tokens));
              return tasks.get();
            });

    assertThat(tasks.get().unused())
        .as("%s: scripted outcomes the interpreter never asked for", c.name())
        .isEmpty();
    if (c.expected() == null) {
      assertThat(interpreted.compared())
          .as("%s: interpreter %s vs aws-local-stepfunctions %s", c.name(), interpreted, oracled)
          .isEqualTo(oracled.compared());
    } else {
      assertThat(interpreted.compared())
          .as("%s: interpreter %s vs %s", c.name(), interpreted, c.source())
          .isEqualTo(c.expected());
      assertThat(oracled.compared())
          .as(
              "%s: aws-local-stepfunctions now ends as documented (%s): drop the override",
              c.name(), oracled)
          .isNotEqualTo(c.expected());
    }
  }
}
