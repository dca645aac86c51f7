package dev.orderly.contracts.saga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.orderly.contracts.JsonDiff;
import dev.orderly.contracts.Repository;
import dev.orderly.stepfunctions.internal.validation.DefinitionValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The definition itself: rendered as CloudFormation renders it, it matches its golden file and
 * passes the interpreter's validation (asl-validator's verdict on the unrendered file is {@code
 * AslValidatorTest}'s, in infra/stepfunctions); its Retry and Catch fields follow the saga's rules.
 * Set {@code -Dorderly.golden.update=true} to rewrite the golden file after a deliberate change.
 */
class SagaDefinitionTest {
  static final Path GOLDEN =
      Repository.path("contracts/src/test/resources/golden/order-saga.rendered.json");

  private static final ObjectMapper PRETTY =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final JsonNode definition = SagaDefinition.rendered();

  @Test
  void rendered_matchesTheGoldenFile() throws IOException {
    if (Boolean.getBoolean("orderly.golden.update")) {
      Files.writeString(GOLDEN, PRETTY.writeValueAsString(definition) + "\n");
    }

    assertThat(JsonDiff.between(Repository.json(GOLDEN), definition))
        .as("differences from %s (rerun with -Dorderly.golden.update=true if deliberate)", GOLDEN)
        .isEmpty();
  }

  @Test
  void rendered_passesTheInterpretersValidation() {
    assertThat(DefinitionValidator.validate(definition)).isEmpty();
  }

  @Test
  void render_refusesAPlaceholderWithoutAValue_andAValueWithoutAPlaceholder() {
    assertThatThrownBy(() -> SagaDefinition.render("{\"a\": \"${Missing}\"}", Map.of()))
        .hasMessageContaining("${Missing}");
    assertThatThrownBy(() -> SagaDefinition.render("{}", Map.of("Extra", "x")))
        .hasMessageContaining("Extra");
    assertThat(SagaDefinition.render("\"${A}/${A}\"", Map.of("A", "$1\\")))
        .isEqualTo("\"$1\\/$1\\\"");
  }

  @Test
  void placeholders_areAFunctionArnPerStepAndTheDlqUrl() {
    assertThat(SagaDefinition.placeholders(SagaDefinition.source()))
        .containsExactlyInAnyOrderElementsOf(SagaDefinition.TEST_SUBSTITUTIONS.keySet());
  }

  static Stream<String> lambdaTasks() {
    List<String> names = new ArrayList<>();
    SagaDefinition.rendered()
        .get("States")
        .fields()
        .forEachRemaining(
            e -> {
              if (e.getValue().path("Resource").asText().equals(SagaTasks.LAMBDA_INVOKE)) {
                names.add(e.getKey());
              }
            });
    return names.stream();
  }

  @Test
  void theLambdaTasks_areTheSixSteps_eachCallingItsOwnFunction() {
    assertThat(lambdaTasks()).containsExactlyInAnyOrderElementsOf(SagaDefinition.steps());
    lambdaTasks()
        .forEach(
            step ->
                assertThat(state(step).at("/Parameters/FunctionName").asText())
                    .isEqualTo(SagaDefinition.functionArn(step)));
  }

  @ParameterizedTest
  @MethodSource("lambdaTasks")
  void retry_namesOnlyTransientErrors_withBackoffCapAndFullJitter(String step) {
    JsonNode retry = state(step).get("Retry");

    assertThat(retry).hasSize(1);
    JsonNode retrier = retry.get(0);
    assertThat(texts(retrier.get("ErrorEquals")))
        .containsExactlyInAnyOrderElementsOf(SagaRetriesTest.TRANSIENT_ERRORS);
    assertThat(retrier.get("IntervalSeconds").asInt()).isPositive();
    assertThat(retrier.get("BackoffRate").asDouble()).isGreaterThan(1.0);
    assertThat(retrier.get("MaxDelaySeconds").asInt()).isPositive();
    assertThat(retrier.get("JitterStrategy").asText()).isEqualTo("FULL");
  }

  @Test
  void compensations_retryMoreOftenAndWaitLongerThanForwardSteps() {
    for (String forward : SagaDefinition.FORWARD_STEPS) {
      JsonNode f = state(forward).at("/Retry/0");
      for (String compensation : SagaDefinition.COMPENSATIONS) {
        JsonNode c = state(compensation).at("/Retry/0");
        assertThat(c.get("MaxAttempts").asInt()).isGreaterThan(f.get("MaxAttempts").asInt());
        assertThat(c.get("MaxDelaySeconds").asInt())
            .isGreaterThan(f.get("MaxDelaySeconds").asInt());
      }
    }
  }

  @ParameterizedTest
  @MethodSource("lambdaTasks")
  void everyLambdaTask_catchesEverythingLast_hasATimeout_andKeepsOnlyItsPayload(String step) {
    JsonNode task = state(step);
    JsonNode catchers = task.get("Catch");

    assertThat(texts(catchers.get(catchers.size() - 1).get("ErrorEquals")))
        .containsExactly("States.ALL");
    assertThat(task.get("TimeoutSeconds").asInt()).isPositive();
    task.get("ResultSelector").forEach(path -> assertThat(path.asText()).startsWith("$.Payload."));
  }

  @Test
  void theTypedBusinessErrors_areCaughtByName_whereTheyAreThrown() {
    assertThat(texts(state("ReserveStock").at("/Catch/0/ErrorEquals")))
        .containsExactly("dev.orderly.lambda.saga.OutOfStock");
    assertThat(texts(state("ChargePayment").at("/Catch/0/ErrorEquals")))
        .containsExactly("dev.orderly.lambda.saga.PaymentDeclined");
  }

  @Test
  void onlyTheConfirmedOrderSucceeds_andNoMachineTimeoutCutsACompensationShort() {
    Set<String> succeed = new HashSet<>();
    definition
        .get("States")
        .fields()
        .forEachRemaining(
            e -> {
              if (e.getValue().path("Type").asText().equals("Succeed")) {
                succeed.add(e.getKey());
              }
            });

    assertThat(succeed).containsExactly("OrderConfirmed");
    assertThat(state("ConfirmOrder").get("Next").asText()).isEqualTo("OrderConfirmed");
    assertThat(definition.has("TimeoutSeconds"))
        .as("a machine timeout could cut a compensation short without a DLQ message")
        .isFalse();
  }

  private JsonNode state(String name) {
    JsonNode state = definition.at("/States/" + name);
    assertThat(state.isMissingNode()).as("state %s", name).isFalse();
    return state;
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(n -> texts.add(n.asText()));
    return texts;
  }
}
