package dev.orderly.stepfunctions.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderly.stepfunctions.oracle.AwsLocalStepFunctions;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The cases in {@code src/test/resources/conformance-pending}: the interpreter does not yet end as
 * they require, and the change belongs in the interpreter's state machinery rather than in data
 * flow, choice rules, intrinsics or error matching. Each must still fail that way; a case the
 * interpreter passes belongs in {@code conformance/}, where {@link ConformanceTest} keeps it.
 */
class PendingConformanceTest {
  private static AwsLocalStepFunctions oracle;

  @BeforeAll
  static void start() {
    oracle = AwsLocalStepFunctions.start();
  }

  @AfterAll
  static void stop() {
    oracle.close();
  }

  static Stream<ConformanceCase> pending() {
    return ConformanceCase.readAll(Corpus.PENDING).stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pending")
  void interpreterDoesNotYetEndAsRequired(ConformanceCase c) {
    Outcome oracled = Executions.onOracle(oracle, c);
    Outcome required = c.expected() == null ? oracled.compared() : c.expected();
    Outcome interpreted = Executions.onInterpreter(c, new ScriptedTasks(c.definition(), c.tasks()));

    assertThat(interpreted.compared())
        .as(
            "%s: the interpreter now ends as required (%s): move it to conformance/",
            c.name(), required)
        .isNotEqualTo(required);
    if (c.expected() != null) {
      assertThat(oracled.compared())
          .as("%s: aws-local-stepfunctions now ends as documented: drop the override", c.name())
          .isNotEqualTo(c.expected());
    }
  }
}
