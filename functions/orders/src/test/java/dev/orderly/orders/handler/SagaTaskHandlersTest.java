package dev.orderly.orders.handler;

import static dev.orderly.orders.testing.Problems.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderly.dynamodb.DynamoDbEngineExtension;
import dev.orderly.lambda.local.LocalContext;
import dev.orderly.lambda.saga.TransientFailure;
import dev.orderly.orders.domain.OrderAlreadyCancelled;
import dev.orderly.orders.domain.OrderAlreadyConfirmed;
import dev.orderly.orders.domain.OrderNotFound;
import dev.orderly.orders.testing.OrdersFunctions;
import dev.orderly.orders.testing.SequentialIds;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The ConfirmOrder and CancelOrder tasks, from payload files, through the real components. */
class SagaTaskHandlersTest {
  @RegisterExtension static DynamoDbEngineExtension engine = new DynamoDbEngineExtension();

  static final String ORDER_ID = "8d6e3c8a-4a53-4f0e-9f1e-3f7b2c1d0a01";
  private static final Clock LATER =
      Clock.fixed(OrdersFunctions.NOW.plusSeconds(9), ZoneOffset.UTC);

  private final LocalContext context = LocalContext.of("orders-saga-task", "test-request");
  private OrdersFunctions functions;
  private ConfirmOrderHandler confirm;
  private CancelOrderHandler cancel;

  @BeforeEach
  void setUp() {
    functions = new OrdersFunctions(engine.engine());
    confirm = new ConfirmOrderHandler(functions.confirm(LATER));
    cancel = new CancelOrderHandler(functions.cancel(LATER));
    AtomicBoolean first = new AtomicBoolean(true);
    SequentialIds events = new SequentialIds("placed-event");
    new PlaceOrderHandler(functions.place(() -> first.getAndSet(false) ? ORDER_ID : events.next()))
        .handleRequest(PlaceOrderHandlerTest.event("apigw_place_order.json"), context);
    assertThat(functions.tables.order("tenant-a", ORDER_ID)).isNotNull();
  }

  private static InputStream payload(String file) {
    InputStream in = SagaTaskHandlersTest.class.getResourceAsStream("/events/" + file);
    if (in == null) {
      throw new IllegalArgumentException("no event file " + file);
    }
    return in;
  }

  private static JsonNode run(
      com.amazonaws.services.lambda.runtime.RequestStreamHandler handler,
      String file,
      LocalContext context) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      handler.handleRequest(payload(file), out, context);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return json(out.toString(StandardCharsets.UTF_8));
  }

  private JsonNode confirm(String file) {
    return run(confirm, file, context);
  }

  private JsonNode cancel(String file) {
    return run(cancel, file, context);
  }

  private String status() {
    return functions.tables.order("tenant-a", ORDER_ID).get("status").s();
  }

  @Test
  void confirm_confirmsThePendingOrderAndWritesOrderConfirmed() {
    JsonNode result = confirm("sfn_confirm_order.json");

    assertThat(result).isEqualTo(json("{\"status\":\"CONFIRMED\"}"));
    assertThat(status()).isEqualTo("CONFIRMED");
    assertThat(functions.tables.order("tenant-a", ORDER_ID).get("version").n()).isEqualTo("2");
    JsonNode event = json(functions.tables.outbox(ORDER_ID, 2).get("detail").s());
    assertThat(functions.tables.outbox(ORDER_ID, 2).get("detailType").s())
        .isEqualTo("OrderConfirmed");
    assertThat(event.at("/metadata/correlationId").asText()).isEqualTo("corr-saga-1");
    assertThat(event.at("/metadata/occurredAt").asText()).isEqualTo("2026-05-01T10:00:09Z");
  }

  @Test
  void confirm_deliveredTwice_answersTheSameAndChangesOnce() {
    JsonNode first = confirm("sfn_confirm_order.json");
    JsonNode second = confirm("sfn_confirm_order.json");

    assertThat(second).isEqualTo(first);
    assertThat(functions.tables.order("tenant-a", ORDER_ID).get("version").n()).isEqualTo("2");
    assertThat(functions.tables.outbox(ORDER_ID, 3)).isNull();
    assertThat(functions.tables.all()).hasSize(3);
  }

  @Test
  void confirm_committedButTheAnswerLost_isTransient_andTheRetryReplaysTheConfirmation() {
    engine.engine().loseResponses("TransactWriteItems", 100);
    try {
      assertThatThrownBy(() -> confirm("sfn_confirm_order.json"))
          .isInstanceOf(TransientFailure.class)
          .hasRootCauseInstanceOf(java.net.SocketException.class);
    } finally {
      engine.engine().loseResponses("TransactWriteItems", 0);
    }
    assertThat(status()).isEqualTo("CONFIRMED");

    JsonNode retried = confirm("sfn_confirm_order.json");

    assertThat(retried).isEqualTo(json("{\"status\":\"CONFIRMED\"}"));
    assertThat(functions.tables.order("tenant-a", ORDER_ID).get("version").n()).isEqualTo("2");
    assertThat(functions.tables.outbox(ORDER_ID, 3)).isNull();
  }

  @Test
  void cancel_committedButTheAnswerLost_isTransient_neverAConfirmationRefusal() {
    engine.engine().loseResponses("TransactWriteItems", 100);
    try {
      assertThatThrownBy(() -> cancel("sfn_cancel_order.json"))
          .isInstanceOf(TransientFailure.class);
    } finally {
      engine.engine().loseResponses("TransactWriteItems", 0);
    }

    assertThat(cancel("sfn_cancel_order.json"))
        .isEqualTo(json("{\"status\":\"CANCELLED\",\"orderFound\":true}"));
    assertThat(functions.tables.outbox(ORDER_ID, 3)).isNull();
  }

  @Test
  void cancel_cancelsThePendingOrderWithTheReasonAndWritesOrderCancelled() {
    JsonNode result = cancel("sfn_cancel_order.json");

    assertThat(result).isEqualTo(json("{\"status\":\"CANCELLED\",\"orderFound\":true}"));
    assertThat(status()).isEqualTo("CANCELLED");
    assertThat(functions.tables.order("tenant-a", ORDER_ID).get("cancellationCode").s())
        .isEqualTo("PAYMENT_DECLINED");
    JsonNode event = json(functions.tables.outbox(ORDER_ID, 2).get("detail").s());
    assertThat(event.at("/data/reason/detail").asText()).isEqualTo("card declined by issuer");
  }

  @Test
  void cancel_deliveredTwice_answersTheSameAndChangesOnce() {
    JsonNode first = cancel("sfn_cancel_order.json");
    JsonNode second = cancel("sfn_cancel_order.json");

    assertThat(second).isEqualTo(first);
    assertThat(functions.tables.outbox(ORDER_ID, 3)).isNull();
    assertThat(functions.tables.all()).hasSize(3);
  }

  @Test
  void cancel_withoutAReason_isStillACancellation() {
    cancel("sfn_cancel_order_no_reason.json");

    assertThat(status()).isEqualTo("CANCELLED");
    assertThat(functions.tables.order("tenant-a", ORDER_ID).get("cancellationCode").s())
        .isEqualTo("UNSPECIFIED");
  }

  @Test
  void cancel_ofAnOrderThatDoesNotExist_succeedsAndWritesNothing() {
    JsonNode result = cancel("sfn_cancel_order_unknown_order.json");

    assertThat(result).isEqualTo(json("{\"status\":\"CANCELLED\",\"orderFound\":false}"));
    assertThat(functions.tables.all()).hasSize(2);
  }

  @Test
  void confirm_ofACancelledOrder_failsWithOrderAlreadyCancelled() {
    cancel("sfn_cancel_order.json");

    assertThatThrownBy(() -> confirm("sfn_confirm_order.json"))
        .isInstanceOf(OrderAlreadyCancelled.class)
        .hasMessageStartingWith("ORDER_ALREADY_CANCELLED");
    assertThat(status()).isEqualTo("CANCELLED");
    assertThat(functions.tables.all()).hasSize(3);
  }

  @Test
  void cancel_ofAConfirmedOrder_failsWithOrderAlreadyConfirmed() {
    confirm("sfn_confirm_order.json");

    assertThatThrownBy(() -> cancel("sfn_cancel_order.json"))
        .isInstanceOf(OrderAlreadyConfirmed.class)
        .hasMessageStartingWith("ORDER_ALREADY_CONFIRMED");
    assertThat(status()).isEqualTo("CONFIRMED");
    assertThat(functions.tables.all()).hasSize(3);
  }

  @Test
  void confirm_ofAnotherTenantsOrder_failsWithOrderNotFoundAndLeavesItAlone() {
    assertThatThrownBy(() -> confirm("sfn_confirm_order_other_tenant.json"))
        .isInstanceOf(OrderNotFound.class);

    assertThat(status()).isEqualTo("PENDING");
  }

  @Test
  void payloadWithoutRequestId_isAnInvalidTaskPayload() {
    assertThatThrownBy(() -> confirm("sfn_confirm_order_no_request_id.json"))
        .isInstanceOf(InvalidTaskPayload.class)
        .hasMessageContaining("requestId");
    assertThat(status()).isEqualTo("PENDING");
  }

  @Test
  void payloadThatIsNotJson_isAnInvalidTaskPayload() {
    ByteArrayInputStream garbage =
        new ByteArrayInputStream("{not json".getBytes(StandardCharsets.UTF_8));

    assertThatThrownBy(() -> cancel.handleRequest(garbage, new ByteArrayOutputStream(), context))
        .isInstanceOf(InvalidTaskPayload.class);
    assertThat(status()).isEqualTo("PENDING");
  }
}
