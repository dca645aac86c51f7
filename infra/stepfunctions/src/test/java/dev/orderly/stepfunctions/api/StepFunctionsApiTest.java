package dev.orderly.stepfunctions.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.orderly.stepfunctions.StepFunctionsEngine;
import dev.orderly.stepfunctions.StepFunctionsEngineExtension;
import dev.orderly.stepfunctions.internal.StatesException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.CreateStateMachineRequest;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.GetExecutionHistoryResponse;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;
import software.amazon.awssdk.services.sfn.model.InvalidArnException;
import software.amazon.awssdk.services.sfn.model.InvalidDefinitionException;
import software.amazon.awssdk.services.sfn.model.StartSyncExecutionResponse;
import software.amazon.awssdk.services.sfn.model.StateMachineAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.StateMachineType;
import software.amazon.awssdk.services.sfn.model.StateMachineTypeNotSupportedException;
import software.amazon.awssdk.services.sfn.model.SyncExecutionStatus;
import software.amazon.awssdk.services.sfn.model.TaskTimedOutException;

/** The Step Functions JSON API through the AWS SDK v2's own SfnClient, unchanged. */
class StepFunctionsApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String DOUBLE = "arn:aws:lambda:us-east-1:000000000000:function:double";
  private static final String SEND = "arn:aws:states:::sqs:sendMessage";

  /** Tokens the callback task "sent", for the test to answer. */
  private static final BlockingQueue<String> TOKENS = new LinkedBlockingQueue<>();

  @RegisterExtension
  static final StepFunctionsEngineExtension SFN =
      new StepFunctionsEngineExtension(
          StepFunctionsEngine.builder()
              .tasks(
                  (resource, input) -> {
                    if (resource.equals(DOUBLE)) {
                      return JsonNodeFactory.instance
                          .objectNode()
                          .put("n", input.path("n").asInt() * 2);
                    }
                    if (resource.equals(SEND)) {
                      TOKENS.add(input.path("token").asText());
                      return JsonNodeFactory.instance.objectNode().put("MessageId", "m");
                    }
                    throw new StatesException("Lambda.ResourceNotFoundException", resource);
                  }));

  private static SfnClient sfn;

  @BeforeAll
  static void client() {
    sfn =
        SfnClient.builder()
            .endpointOverride(SFN.engine().endpoint())
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
            .httpClient(UrlConnectionHttpClient.create())
            // StartSyncExecution's endpoint carries the host prefix "sync-", which a loopback
            // address cannot take: the one setting a client needs for the local endpoint.
            .overrideConfiguration(
                c ->
                    c.putAdvancedOption(
                        SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION, true))
            .build();
  }

  @AfterAll
  static void close() {
    sfn.close();
  }

  private static final String DOUBLING =
      """
      {"StartAt": "Double", "States": {
        "Double": {"Type": "Task", "Resource": "%s", "End": true}}}
      """
          .formatted(DOUBLE);

  private static final String CALLBACK =
      """
      {"StartAt": "Ask", "States": {
        "Ask": {"Type": "Task", "Resource": "%s.waitForTaskToken",
          "Parameters": {"token.$": "$$.Task.Token"}, "End": true}}}
      """
          .formatted(SEND);

  private static String create(String name, String definition) {
    return create(name, definition, StateMachineType.STANDARD);
  }

  private static String create(String name, String definition, StateMachineType type) {
    return sfn.createStateMachine(
            CreateStateMachineRequest.builder()
                .name(name)
                .definition(definition)
                .roleArn(StepFunctionsEngine.LOCAL_ROLE)
                .type(type)
                .build())
        .stateMachineArn();
  }

  private static DescribeExecutionResponse awaitEnd(String executionArn) {
    return await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> sfn.describeExecution(r -> r.executionArn(executionArn)),
            d -> d.status() != ExecutionStatus.RUNNING);
  }

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void createDescribeAndListStateMachines_creatingTheSameAgainIsIdempotent() {
    String arn = create("doubling", DOUBLING);

    assertThat(arn).isEqualTo("arn:aws:states:us-east-1:000000000000:stateMachine:doubling");
    assertThat(create("doubling", DOUBLING)).isEqualTo(arn);
    assertThat(sfn.describeStateMachine(r -> r.stateMachineArn(arn)).definition())
        .isEqualTo(DOUBLING);
    assertThat(sfn.listStateMachines(r -> {}).stateMachines())
        .anySatisfy(m -> assertThat(m.stateMachineArn()).isEqualTo(arn));
    assertThatThrownBy(() -> create("doubling", CALLBACK))
        .isInstanceOf(StateMachineAlreadyExistsException.class);
  }

  @Test
  void anInvalidDefinitionIsRejectedNamingTheStateAndField() {
    assertThatThrownBy(
            () ->
                create(
                    "broken",
                    "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Pass\", \"Next\": \"Nowhere\"}}}"))
        .isInstanceOf(InvalidDefinitionException.class)
        .hasMessageContaining("State 'A', field 'Next'");
  }

  @Test
  void anExecutionRunsToItsOutput_andItsHistoryUsesAwsEventTypes() {
    String machine = create("doubling-run", DOUBLING);
    String execution =
        sfn.startExecution(r -> r.stateMachineArn(machine).name("run-1").input("{\"n\": 21}"))
            .executionArn();

    DescribeExecutionResponse done = awaitEnd(execution);

    assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(json(done.output())).isEqualTo(json("{\"n\": 42}"));
    assertThat(done.name()).isEqualTo("run-1");
    assertThat(done.stopDate()).isAfterOrEqualTo(done.startDate());
    GetExecutionHistoryResponse history = sfn.getExecutionHistory(r -> r.executionArn(execution));
    assertThat(history.events().stream().map(HistoryEvent::type))
        .containsExactly(
            HistoryEventType.EXECUTION_STARTED,
            HistoryEventType.TASK_STATE_ENTERED,
            HistoryEventType.TASK_SCHEDULED,
            HistoryEventType.TASK_STARTED,
            HistoryEventType.TASK_SUCCEEDED,
            HistoryEventType.TASK_STATE_EXITED,
            HistoryEventType.EXECUTION_SUCCEEDED);
    assertThat(json(history.events().get(0).executionStartedEventDetails().input()))
        .isEqualTo(json("{\"n\": 21}"));
    assertThat(history.events().get(2).taskScheduledEventDetails().resource()).isEqualTo(DOUBLE);
    assertThat(history.events().get(5).stateExitedEventDetails().name()).isEqualTo("Double");

    GetExecutionHistoryResponse firstPage =
        sfn.getExecutionHistory(r -> r.executionArn(execution).maxResults(3));
    assertThat(firstPage.events()).hasSize(3);
    assertThat(
            sfn.getExecutionHistory(
                    r -> r.executionArn(execution).maxResults(3).nextToken(firstPage.nextToken()))
                .events()
                .get(0)
                .id())
        .isEqualTo(4L);
  }

  @Test
  void executionNamesAreUniquePerStateMachine_sameInputWhileRunningIsTheSameExecution() {
    String machine = create("callback-names", CALLBACK);
    String first =
        sfn.startExecution(r -> r.stateMachineArn(machine).name("order-1").input("{\"a\": 1}"))
            .executionArn();
    String again =
        sfn.startExecution(r -> r.stateMachineArn(machine).name("order-1").input("{\"a\":1}"))
            .executionArn();
    assertThat(again).isEqualTo(first);
    assertThatThrownBy(
            () ->
                sfn.startExecution(
                    r -> r.stateMachineArn(machine).name("order-1").input("{\"a\": 2}")))
        .isInstanceOf(ExecutionAlreadyExistsException.class);

    String token = awaitToken();
    sfn.sendTaskSuccess(r -> r.taskToken(token).output("{\"approved\": true}"));
    DescribeExecutionResponse done = awaitEnd(first);

    assertThat(json(done.output())).isEqualTo(json("{\"approved\": true}"));
    assertThatThrownBy(() -> sfn.sendTaskSuccess(r -> r.taskToken(token).output("{}")))
        .isInstanceOf(TaskTimedOutException.class);
    assertThatThrownBy(
            () ->
                sfn.startExecution(
                    r -> r.stateMachineArn(machine).name("order-1").input("{\"a\": 1}")))
        .as("a closed execution's name stays taken")
        .isInstanceOf(ExecutionAlreadyExistsException.class);
  }

  private static String awaitToken() {
    return await().atMost(Duration.ofSeconds(10)).until(TOKENS::poll, t -> t != null);
  }

  @Test
  void sendTaskFailureFailsTheExecution_andStopExecutionAbortsOne() {
    String machine = create("callback-failures", CALLBACK);
    String failing = sfn.startExecution(r -> r.stateMachineArn(machine).name("f")).executionArn();
    String token = awaitToken();
    sfn.sendTaskFailure(r -> r.taskToken(token).error("Rejected").cause("no"));
    DescribeExecutionResponse failed = awaitEnd(failing);
    assertThat(failed.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(failed.error()).isEqualTo("Rejected");
    assertThat(failed.cause()).isEqualTo("no");

    String stopping = sfn.startExecution(r -> r.stateMachineArn(machine).name("s")).executionArn();
    awaitToken();
    sfn.stopExecution(r -> r.executionArn(stopping).error("Operator").cause("by hand"));
    DescribeExecutionResponse stopped = sfn.describeExecution(r -> r.executionArn(stopping));
    assertThat(stopped.status()).isEqualTo(ExecutionStatus.ABORTED);
    assertThat(stopped.error()).isEqualTo("Operator");
    assertThat(
            sfn.listExecutions(
                    r -> r.stateMachineArn(machine).statusFilter(ExecutionStatus.ABORTED))
                .executions())
        .singleElement()
        .satisfies(e -> assertThat(e.executionArn()).isEqualTo(stopping));
  }

  @Test
  void startSyncExecutionRunsExpressMachinesOnly() {
    String express = create("doubling-express", DOUBLING, StateMachineType.EXPRESS);
    StartSyncExecutionResponse response =
        sfn.startSyncExecution(r -> r.stateMachineArn(express).input("{\"n\": 4}"));
    assertThat(response.status()).isEqualTo(SyncExecutionStatus.SUCCEEDED);
    assertThat(json(response.output())).isEqualTo(json("{\"n\": 8}"));

    String standard = create("doubling-standard", DOUBLING);
    assertThatThrownBy(() -> sfn.startSyncExecution(r -> r.stateMachineArn(standard)))
        .isInstanceOf(StateMachineTypeNotSupportedException.class);
  }

  @Test
  void unknownAndMalformedArnsAnswerTheApisErrors() {
    assertThatThrownBy(
            () ->
                sfn.describeExecution(
                    r ->
                        r.executionArn(
                            "arn:aws:states:us-east-1:000000000000:execution:nope:nope")))
        .isInstanceOf(ExecutionDoesNotExistException.class);
    assertThatThrownBy(() -> sfn.describeExecution(r -> r.executionArn("not-an-arn")))
        .isInstanceOf(InvalidArnException.class);
  }

  @Test
  void theInProcessApiSeesTheSameExecutions() {
    StepFunctionsEngine engine = SFN.engine();
    String machine = engine.createStateMachine("in-process", DOUBLING);
    String execution = engine.startExecution(machine, "ip-1", "{\"n\": 5}");

    assertThat(engine.awaitExecution(execution, Duration.ofSeconds(10)).output())
        .isEqualTo("{\"n\":10}");
    assertThat(sfn.describeExecution(r -> r.executionArn(execution)).status())
        .isEqualTo(ExecutionStatus.SUCCEEDED);
  }
}
