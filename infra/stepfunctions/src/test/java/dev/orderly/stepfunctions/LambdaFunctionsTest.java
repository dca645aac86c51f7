package dev.orderly.stepfunctions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Looking functions up as Lambda reads FunctionName, from a fixed map and from the registry. */
class LambdaFunctionsTest {
  private static final LambdaFunction RESERVE = payload -> TextNode.valueOf("reserved");
  private static final LambdaFunction CHARGE = payload -> TextNode.valueOf("charged");

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "reserve-stock",
        "reserve-stock:live",
        "reserve-stock:7",
        "reserve-stock:$LATEST",
        "123456789012:function:reserve-stock",
        "123456789012:function:reserve-stock:live",
        "arn:aws:lambda:us-east-1:123456789012:function:reserve-stock",
        "arn:aws:lambda:eu-west-1:000000000000:function:reserve-stock:live",
        "arn:aws-us-gov:lambda:us-gov-west-1:123456789012:function:reserve-stock"
      })
  void find_acceptsEveryFunctionNameForm(String nameOrArn) {
    LambdaFunctions functions =
        LambdaFunctions.of(Map.of("reserve-stock", RESERVE, "charge", CHARGE));

    assertThat(functions.find(nameOrArn)).containsSame(RESERVE);
  }

  @ParameterizedTest(name = "[{0}]")
  @ValueSource(
      strings = {
        "reserve",
        "reserve-stock-v2",
        "",
        "reserve stock",
        "arn:aws:lambda:us-east-1:123:function:reserve-stock",
        "arn:aws:lambda:function:reserve-stock",
        "reserve-stock:live:extra"
      })
  void find_isEmptyForAnotherOrAnInvalidName(String nameOrArn) {
    LambdaFunctions functions = LambdaFunctions.of(Map.of("reserve-stock", RESERVE));

    assertThat(functions.find(nameOrArn)).isEmpty();
  }

  @Test
  void of_acceptsAnUnqualifiedArnAsTheKey() {
    LambdaFunctions functions =
        LambdaFunctions.of(
            Map.of("arn:aws:lambda:us-east-1:123456789012:function:reserve-stock", RESERVE));

    assertThat(functions.find("reserve-stock")).containsSame(RESERVE);
  }

  @Test
  void of_rejectsTwoKeysForOneName() {
    Map<String, LambdaFunction> twice =
        Map.of(
            "reserve-stock",
            RESERVE,
            "arn:aws:lambda:us-east-1:123456789012:function:reserve-stock",
            CHARGE);

    assertThatThrownBy(() -> LambdaFunctions.of(twice))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Function reserve-stock is given twice");
  }

  @Test
  void register_findsByNameAndArn() {
    LambdaFunctionRegistry registry = new LambdaFunctionRegistry().register("charge", CHARGE);

    assertThat(registry.find("arn:aws:lambda:us-east-1:000000000000:function:charge:prod"))
        .containsSame(CHARGE);
    assertThat(registry.find("reserve-stock")).isEmpty();
  }

  @Test
  void register_rejectsASecondFunctionUnderTheSameName() {
    LambdaFunctionRegistry registry = new LambdaFunctionRegistry().register("charge", CHARGE);

    assertThatThrownBy(() -> registry.register("000000000000:function:charge", RESERVE))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Function charge is already registered");
    assertThat(registry.find("charge")).containsSame(CHARGE);
  }

  @Test
  void register_rejectsAQualifiedOrInvalidName() {
    LambdaFunctionRegistry registry = new LambdaFunctionRegistry();

    assertThatThrownBy(() -> registry.register("charge:live", CHARGE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("without a version or alias");
    assertThatThrownBy(() -> registry.register("charge now", CHARGE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Not a Lambda function name: charge now");
  }

  @Test
  void register_fromManyThreads_keepsEveryFunction() throws Exception {
    LambdaFunctionRegistry registry = new LambdaFunctionRegistry();
    List<Callable<LambdaFunctionRegistry>> registrations =
        IntStream.range(0, 200)
            .<Callable<LambdaFunctionRegistry>>mapToObj(
                i -> () -> registry.register("fn-" + i, payload -> TextNode.valueOf("fn-" + i)))
            .toList();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      for (Future<LambdaFunctionRegistry> done : pool.invokeAll(registrations)) {
        done.get();
      }
    } finally {
      pool.shutdown();
    }

    assertThat(IntStream.range(0, 200))
        .allSatisfy(
            i ->
                assertThat(registry.find("fn-" + i).orElseThrow().invoke(null).asText())
                    .isEqualTo("fn-" + i));
  }
}
