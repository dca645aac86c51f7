package dev.orderly.stepfunctions.internal.integrations;

import static dev.orderly.stepfunctions.internal.integrations.LocalClients.json;
import static dev.orderly.stepfunctions.internal.integrations.LocalClients.raw;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderly.stepfunctions.LambdaFunctions;
import dev.orderly.stepfunctions.internal.StatesException;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/** events:putEvents through the SDK against a loopback stub of the AWS JSON 1.1 protocol. */
class EventBridgeIntegrationTest {
  private static final String PUT_EVENTS = "arn:aws:states:::events:putEvents";
  private EventBridgeStub stub;
  private EventBridgeClient events;
  private ServiceIntegrations tasks;

  @BeforeEach
  void start() {
    stub = new EventBridgeStub();
    events = LocalClients.eventBridge(stub.endpoint());
    tasks = ServiceIntegrations.builder(LambdaFunctions.of(Map.of())).eventBridge(events).build();
  }

  @AfterEach
  void stop() {
    events.close();
    stub.close();
  }

  @Test
  void putEvents_sendsTheEntriesWithDetailAsJsonText_andReturnsTheEventIds() {
    stub.answer(
        200, "{\"Entries\":[{\"EventId\":\"e-1\"},{\"EventId\":\"e-2\"}],\"FailedEntryCount\":0}");

    JsonNode result =
        tasks.invoke(
            PUT_EVENTS,
            raw(
                """
                {"Entries": [
                  {"Detail": {"orderId": "o-1", "total": 42}, "DetailType": "OrderPlaced",
                   "Source": "orderly.orders", "EventBusName": "orderly",
                   "Resources": ["arn:aws:dynamodb:us-east-1:000000000000:table/orders"]},
                  {"Detail": "{\\"already\\":\\"text\\"}", "DetailType": "Noted",
                   "Source": "orderly.orders"}]}
                """));

    assertThat(result)
        .isEqualTo(
            json("{'Entries': [{'EventId': 'e-1'}, {'EventId': 'e-2'}], 'FailedEntryCount': 0}"));
    assertThat(stub.requests()).hasSize(1);
    EventBridgeStub.Request request = stub.requests().get(0);
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.target()).isEqualTo("AWSEvents.PutEvents");
    assertThat(request.contentType()).isEqualTo("application/x-amz-json-1.1");
    assertThat(raw(request.body()))
        .isEqualTo(
            raw(
                """
                {"Entries": [
                  {"Source": "orderly.orders",
                   "Resources": ["arn:aws:dynamodb:us-east-1:000000000000:table/orders"],
                   "DetailType": "OrderPlaced",
                   "Detail": "{\\"orderId\\":\\"o-1\\",\\"total\\":42}",
                   "EventBusName": "orderly"},
                  {"Source": "orderly.orders", "DetailType": "Noted",
                   "Detail": "{\\"already\\":\\"text\\"}"}]}
                """));
  }

  @Test
  void failedEntries_failTheTaskWithFailedEntry() {
    stub.answer(
        200,
        "{\"Entries\":[{\"EventId\":\"e-1\"},{\"ErrorCode\":\"InternalFailure\","
            + "\"ErrorMessage\":\"try again\"}],\"FailedEntryCount\":1}");

    Throwable thrown =
        catchThrowable(
            () ->
                tasks.invoke(
                    PUT_EVENTS,
                    json(
                        "{'Entries': [{'Detail': {}, 'DetailType': 'A', 'Source': 's'},"
                            + " {'Detail': {}, 'DetailType': 'B', 'Source': 's'}]}")));

    assertThat(thrown).isInstanceOf(StatesException.class);
    StatesException failure = (StatesException) thrown;
    assertThat(failure.error()).isEqualTo("EventBridge.FailedEntry");
    assertThat(json(failure.cause()))
        .isEqualTo(
            json(
                "{'Entries': [{'EventId': 'e-1'},"
                    + " {'ErrorCode': 'InternalFailure', 'ErrorMessage': 'try again'}],"
                    + " 'FailedEntryCount': 1}"));
  }

  @Test
  void serviceError_isNamedEventBridgeDotTheError() {
    stub.answer(
        400,
        "{\"__type\":\"ResourceNotFoundException\",\"message\":\"Event bus nope does not exist.\"}");

    Throwable thrown =
        catchThrowable(
            () ->
                tasks.invoke(
                    PUT_EVENTS,
                    json(
                        "{'Entries': [{'Detail': {}, 'DetailType': 'A', 'Source': 's',"
                            + " 'EventBusName': 'nope'}]}")));

    assertThat(thrown).isInstanceOf(StatesException.class);
    StatesException failure = (StatesException) thrown;
    assertThat(failure.error()).isEqualTo("EventBridge.ResourceNotFoundException");
    assertThat(failure.cause()).startsWith("Event bus nope does not exist.");
  }

  @Test
  void noEntries_failsAsARuntimeErrorWithoutCallingEventBridge() {
    Throwable thrown = catchThrowable(() -> tasks.invoke(PUT_EVENTS, json("{'Entries': []}")));

    assertThat(thrown)
        .isInstanceOf(StatesException.class)
        .hasMessageContaining("The value for the field 'Entries' must be a non-empty ARRAY");
    assertThat(stub.requests()).isEmpty();
  }
}
