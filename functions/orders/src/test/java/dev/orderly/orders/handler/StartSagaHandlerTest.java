package dev.orderly.orders.handler;

import static dev.orderly.orders.testing.Problems.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import dev.orderly.lambda.aws.AwsClients;
import dev.orderly.lambda.aws.AwsSettings;
import dev.orderly.lambda.config.Environment;
import dev.orderly.lambda.local.LocalContext;
import dev.orderly.orders.wiring.DaggerStartSagaComponent;
import dev.orderly.stepfunctions.StepFunctionsEngine;
import dev.orderly.stepfunctions.StepFunctionsEngineExtension;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;

/**
 * The saga starter from SQS event files, through its real component, against the in-process Step
 * Functions engine: one execution per order, named after it, with the OrderPlaced detail as input.
 */
class StartSagaHandlerTest {
  @RegisterExtension
  static StepFunctionsEngineExtension sfn =
      new StepFunctionsEngineExtension(StepFunctionsEngine.builder());

  private static final String PASS =
      "{\"StartAt\":\"Done\",\"States\":{\"Done\":{\"Type\":\"Pass\",\"End\":true}}}";
  private static final String HOLD =
      "{\"StartAt\":\"Hold\",\"States\":{\"Hold\":{\"Type\":\"Wait\",\"Seconds\":3600,"
          + "\"End\":true}}}";
  private static final String ORDER_ID = SagaTaskHandlersTest.ORDER_ID;

  private final LocalContext context = LocalContext.of("orders-start-saga", "test-request");
  private SfnClient client;

  @BeforeEach
  void setUp() {
    client = sfnClient(environment("unused"));
  }

  private static Environment environment(String stateMachineArn) {
    Map<String, String> env = new HashMap<>();
    env.put("AWS_REGION", sfn.engine().region());
    env.put("AWS_ACCESS_KEY_ID", "local");
    env.put("AWS_SECRET_ACCESS_KEY", "local");
    env.put("AWS_ENDPOINT_URL_SFN", sfn.engine().endpoint().toString());
    env.put("STATE_MACHINE_ARN", stateMachineArn);
    return Environment.of(env);
  }

  private static SfnClient sfnClient(Environment env) {
    AwsSettings settings = AwsSettings.from(env, "SFN");
    return AwsClients.build(SfnClient.builder(), settings, AwsClients.httpClient(settings));
  }

  private static String machine(String definition) {
    return sfn.engine().createStateMachine("saga-" + UUID.randomUUID(), definition);
  }

  private static StartSagaHandler handler(String stateMachineArn) {
    return new StartSagaHandler(
        DaggerStartSagaComponent.builder().environment(environment(stateMachineArn)).build());
  }

  private static SQSEvent event(String file) {
    return EventLoader.loadSQSEvent("events/" + file);
  }

  private List<ExecutionListItem> executions(String stateMachineArn) {
    return client.listExecutions(b -> b.stateMachineArn(stateMachineArn)).executions();
  }

  private static List<String> failedIds(SQSBatchResponse response) {
    return response.getBatchItemFailures().stream()
        .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
        .toList();
  }

  @Test
  void orderPlaced_startsOneExecutionNamedAfterTheOrderWithTheDetailAsInput() {
    String machine = machine(PASS);
    SQSEvent event = event("sqs_order_placed.json");

    SQSBatchResponse response = handler(machine).handleRequest(event, context);

    assertThat(response.getBatchItemFailures()).isEmpty();
    List<ExecutionListItem> executions = executions(machine);
    assertThat(executions).extracting(ExecutionListItem::name).containsExactly(ORDER_ID);
    DescribeExecutionResponse execution =
        client.describeExecution(b -> b.executionArn(executions.get(0).executionArn()));
    assertThat(json(execution.input()))
        .isEqualTo(json(event.getRecords().get(0).getBody()).path("detail"));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                client
                    .describeExecution(b -> b.executionArn(executions.get(0).executionArn()))
                    .statusAsString()
                    .equals("SUCCEEDED"));
  }

  @Test
  void duplicateDelivery_afterTheExecutionEnded_isSuccessWithoutASecondExecution() {
    String machine = machine(PASS);
    StartSagaHandler handler = handler(machine);
    handler.handleRequest(event("sqs_order_placed.json"), context);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> executions(machine).get(0).statusAsString().equals("SUCCEEDED"));

    SQSBatchResponse again = handler.handleRequest(event("sqs_order_placed.json"), context);

    assertThat(again.getBatchItemFailures()).isEmpty();
    assertThat(executions(machine)).hasSize(1);
  }

  @Test
  void duplicateDelivery_whileTheExecutionRuns_isSuccessWithoutASecondExecution() {
    String machine = machine(HOLD);
    StartSagaHandler handler = handler(machine);
    handler.handleRequest(event("sqs_order_placed.json"), context);

    SQSBatchResponse again = handler.handleRequest(event("sqs_order_placed.json"), context);

    assertThat(again.getBatchItemFailures()).isEmpty();
    assertThat(executions(machine))
        .singleElement()
        .satisfies(e -> assertThat(e.statusAsString()).isEqualTo("RUNNING"));
  }

  @Test
  void mixedBatch_failsOnlyTheMalformedMessages() {
    String machine = machine(PASS);

    SQSBatchResponse response =
        handler(machine).handleRequest(event("sqs_order_placed_mixed_batch.json"), context);

    assertThat(failedIds(response))
        .containsExactly("msg-not-json", "msg-wrong-type", "msg-no-order-id", "msg-bad-name");
    assertThat(executions(machine))
        .extracting(ExecutionListItem::name)
        .containsExactlyInAnyOrder(ORDER_ID, "9a0b1c2d-0000-4000-8000-000000000002");
  }

  @Test
  void stepFunctionsRefusing_failsTheMessageSoItIsRedelivered() {
    String missing =
        "arn:aws:states:" + sfn.engine().region() + ":000000000000:stateMachine:no-such-saga";

    SQSBatchResponse response =
        handler(missing).handleRequest(event("sqs_order_placed.json"), context);

    assertThat(failedIds(response)).containsExactly("msg-1");
  }
}
