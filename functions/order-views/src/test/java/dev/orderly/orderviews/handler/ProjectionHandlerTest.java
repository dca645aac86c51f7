package dev.orderly.orderviews.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import dev.orderly.dynamodb.DynamoDbEngineExtension;
import dev.orderly.orderviews.LocalViews;
import dev.orderly.orderviews.domain.OrderView;
import dev.orderly.orderviews.persistence.DynamoOrderViews;
import dev.orderly.orderviews.wiring.DaggerListOrdersComponent;
import dev.orderly.orderviews.wiring.DaggerProjectionComponent;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The projection function as Lambda runs it: SQS events from files, the real Dagger component on
 * the engine, the result read back through the list function.
 */
class ProjectionHandlerTest {
  @RegisterExtension static final DynamoDbEngineExtension ENGINE = new DynamoDbEngineExtension();
  private static DynamoDbClient dynamo;

  private String table;
  private ProjectionHandler projection;
  private ListOrdersHandler list;

  /** The view of o-1001 once placed and confirmed, as GET /orders shows it. */
  private static final String CONFIRMED_VIEW =
      """
      {"orderId":"o-1001","customerId":"u-1","customerName":"Ada Lovelace","status":"CONFIRMED",
       "total":2500,"currency":"EUR","placedAt":"2026-05-01T10:00:00Z",
       "history":[{"status":"PENDING","at":"2026-05-01T10:00:00Z"},
                  {"status":"CONFIRMED","at":"2026-05-01T10:00:05Z"}],
       "version":2}
      """;

  @BeforeAll
  static void connect() {
    dynamo = LocalViews.client(ENGINE.engine().endpoint());
  }

  @AfterAll
  static void close() {
    dynamo.close();
  }

  @BeforeEach
  void setUp() {
    table = LocalViews.createTable(dynamo);
    var env = LocalViews.environment(ENGINE.engine().endpoint(), table);
    projection =
        new ProjectionHandler(DaggerProjectionComponent.builder().environment(env).build());
    list = new ListOrdersHandler(DaggerListOrdersComponent.builder().environment(env).build());
  }

  private List<String> deliver(ProjectionHandler handler, String file) {
    SQSBatchResponse response =
        handler.handleRequest(EventLoader.loadSQSEvent("events/" + file), null);
    return response.getBatchItemFailures().stream()
        .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
        .toList();
  }

  private List<String> deliver(String file) {
    return deliver(projection, file);
  }

  private JsonNode listed() {
    return Responses.json(
            list.handleRequest(
                EventLoader.loadApiGatewayHttpEvent("events/apigw_list-orders.json"), null))
        .path("items");
  }

  @Test
  void placedThenConfirmed_isListedWithItsHistoryAndCustomer() {
    deliver("sqs_user-registered.json");
    deliver("sqs_order-placed.json");
    assertThat(deliver("sqs_order-confirmed.json")).isEmpty();

    assertThat(listed()).containsExactly(Responses.parse(CONFIRMED_VIEW));
  }

  @Test
  void confirmedBeforePlaced_endsInTheSameView() {
    deliver("sqs_order-confirmed.json");
    assertThat(listed()).isEmpty();
    deliver("sqs_order-placed.json");
    deliver("sqs_user-registered.json");

    assertThat(listed()).containsExactly(Responses.parse(CONFIRMED_VIEW));
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqs_order-placed.json", "sqs_order-confirmed.json"})
  void duplicateDelivery_isAcknowledgedAndChangesNothing(String duplicate) {
    deliver("sqs_user-registered.json");
    deliver("sqs_order-placed.json");
    deliver("sqs_order-confirmed.json");

    assertThat(deliver(duplicate)).isEmpty();
    assertThat(deliver(duplicate)).isEmpty();

    assertThat(listed()).containsExactly(Responses.parse(CONFIRMED_VIEW));
  }

  @Test
  void cancellation_showsItsReasonInTheHistory() {
    deliver("sqs_order-cancelled.json");
    deliver("sqs_order-placed.json");

    JsonNode view = listed().get(0);
    assertThat(view.path("status").asText()).isEqualTo("CANCELLED");
    assertThat(view.path("total").asLong()).isEqualTo(2500);
    assertThat(view.path("history").get(1).path("reason"))
        .isEqualTo(
            Responses.parse(
                "{\"code\":\"PAYMENT_DECLINED\",\"detail\":\"The card was declined.\"}"));
  }

  @Test
  void renameAfterTheOrder_showsOnTheNextRead_theViewKeepsItsCopy() {
    deliver("sqs_user-registered.json");
    deliver("sqs_order-placed.json");

    assertThat(deliver("sqs_user-updated.json")).isEmpty();

    assertThat(listed().get(0).path("customerName").asText()).isEqualTo("Ada King");
    OrderView stored = new DynamoOrderViews(dynamo, table).find("tenant-a", "o-1001").get();
    assertThat(stored.customerName()).contains("Ada Lovelace");
  }

  @Test
  void registrationArrivingAfterTheUpdate_doesNotUndoTheRename() {
    deliver("sqs_order-placed.json");
    deliver("sqs_user-updated.json");
    deliver("sqs_user-registered.json");

    assertThat(listed().get(0).path("customerName").asText()).isEqualTo("Ada King");
  }

  @Test
  void orderWhoseCustomerIsUnknown_isListedWithoutAName() {
    deliver("sqs_order-placed.json");

    assertThat(listed().get(0).has("customerName")).isFalse();
  }

  @Test
  void malformedMessages_failAloneAndTheRestOfTheBatchIsProjected() {
    assertThat(deliver("sqs_batch-with-malformed.json"))
        .containsExactly("m-not-json", "m-bad-version");

    assertThat(listed()).extracting(v -> v.path("orderId").asText()).containsExactly("o-2001");
  }

  @Test
  void eventTheProjectionDoesNotUse_isAcknowledgedAndIgnored() {
    assertThat(deliver("sqs_unrelated-event.json")).isEmpty();

    assertThat(new DynamoOrderViews(dynamo, table).find("tenant-a", "o-1001")).isEmpty();
  }

  @Test
  void unreachableStore_failsEveryMessageSoSqsRedeliversThem() {
    var env = LocalViews.environment(ENGINE.engine().endpoint(), "no-such-table");
    ProjectionHandler broken =
        new ProjectionHandler(DaggerProjectionComponent.builder().environment(env).build());

    assertThat(deliver(broken, "sqs_batch-with-malformed.json"))
        .containsExactly("m-ok", "m-not-json", "m-bad-version");
  }
}
