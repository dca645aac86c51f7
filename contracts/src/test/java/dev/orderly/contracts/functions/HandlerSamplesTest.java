package dev.orderly.contracts.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderly.contracts.Repository;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every sample of {@code events/} runs on the function it targets (file name → function → the
 * template's {@code Handler}), built through its own component on a fresh local cloud whose tables
 * are the template's, after the samples it depends on have run through their own handlers. Each
 * answers what its trigger expects: an HTTP success with a body, a saga task's result, an SQS batch
 * response without failures, a stream batch relayed to the bus.
 */
class HandlerSamplesTest {
  /** What each saga task answers, per the README's payload table. */
  private static final Map<String, String> TASK_RESULTS =
      Map.of(
          "ReserveStockFunction", "reservationId",
          "ReleaseStockFunction", "released",
          "ChargePaymentFunction", "chargeId",
          "RefundPaymentFunction", "refunded",
          "ConfirmOrderFunction", "status",
          "CancelOrderFunction", "status");

  private LocalCloud cloud;
  private Invocations run;
  private Seeds seeds;

  @BeforeEach
  void open() {
    cloud = new LocalCloud();
    run = new Invocations(cloud);
    seeds = new Seeds(run);
  }

  @AfterEach
  void close() {
    cloud.close();
  }

  static Stream<Path> samples() {
    return Samples.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void theSample_runsOnItsFunction(Path file) {
    String function = Samples.functionId(file);
    assertThat(LocalCloud.TEMPLATE.at("/Resources/" + function + "/Properties/Handler").isTextual())
        .as("a function %s in the template", function)
        .isTrue();
    String payload = prepare(function, file, Repository.text(file));

    Object result = run.invoke(function, payload);

    JsonNode sample = Invocations.parse(payload);
    if (sample.has("routeKey")) {
      APIGatewayV2HTTPResponse response = (APIGatewayV2HTTPResponse) result;
      assertThat(response.getStatusCode()).as(response.getBody()).isBetween(200, 299);
      assertThat(response.getHeaders()).containsEntry("Content-Type", "application/json");
      assertThat(Invocations.parse(response.getBody()).isObject()).isTrue();
      if (function.equals("ListOrdersFunction")) {
        assertThat(Invocations.parse(response.getBody()).get("items")).isNotEmpty();
      }
    } else if (sample.at("/Records/0/eventSource").asText().equals("aws:sqs")) {
      assertThat(((SQSBatchResponse) result).getBatchItemFailures()).isEmpty();
      if (function.equals("StartSagaFunction")) {
        String orderId =
            Invocations.parse(sample.at("/Records/0/body").asText())
                .at("/detail/data/orderId")
                .asText();
        String execution =
            cloud.stateMachineArn().replace(":stateMachine:", ":execution:") + ":" + orderId;
        assertThat(cloud.stepFunctions().describeExecution(execution)).isNotNull();
      }
    } else if (sample.has("Records")) {
      assertThat(((StreamsEventResponse) result).getBatchItemFailures()).isEmpty();
      assertThat(eventIds(cloud.bus().entries())).containsExactlyElementsOf(outboxEventIds(sample));
    } else {
      @SuppressWarnings("unchecked")
      Map<String, Object> answer = (Map<String, Object>) result;
      assertThat(answer).containsKey(TASK_RESULTS.get(function));
      if (function.equals("ReleaseStockFunction") || function.equals("RefundPaymentFunction")) {
        assertThat(answer.values()).containsExactly(true);
      }
      if (function.equals("ConfirmOrderFunction")) {
        assertThat(answer).containsEntry("status", "CONFIRMED");
      }
      if (function.equals("CancelOrderFunction")) {
        assertThat(answer).containsEntry("status", "CANCELLED");
      }
    }
  }

  /** Seeds what the sample needs and answers the payload to send (a user's id is the service's). */
  private String prepare(String function, Path file, String payload) {
    switch (function) {
      case "GetOrderFunction", "ConfirmOrderFunction", "CancelOrderFunction" -> seeds.order();
      case "ReserveStockFunction" -> seeds.stockForTheSampleOrder();
      case "ReleaseStockFunction" -> seeds.reservation();
      case "RefundPaymentFunction" -> seeds.charge();
      case "ListOrdersFunction" -> seeds.view();
      case "NotificationFunction" -> {
        if (!file.equals(Samples.named(Seeds.CUSTOMER_SAMPLE))) {
          seeds.customerAddress();
        }
      }
      case "GetUserFunction", "UpdateUserFunction" -> {
        String userId = seeds.user();
        ObjectNode request = (ObjectNode) Invocations.parse(payload);
        return Samples.withPathParameter(request, "id", userId).toString();
      }
      default -> {
        // the sample stands alone
      }
    }
    return payload;
  }

  private static List<String> eventIds(List<JsonNode> entries) {
    List<String> ids = new ArrayList<>();
    entries.forEach(
        e -> ids.add(Invocations.parse(e.get("Detail").asText()).at("/metadata/eventId").asText()));
    return ids;
  }

  private static List<String> outboxEventIds(JsonNode sample) {
    List<String> ids = new ArrayList<>();
    sample
        .get("Records")
        .forEach(
            r ->
                ids.add(
                    Invocations.parse(r.at("/dynamodb/NewImage/detail/S").asText())
                        .at("/metadata/eventId")
                        .asText()));
    return ids;
  }
}
