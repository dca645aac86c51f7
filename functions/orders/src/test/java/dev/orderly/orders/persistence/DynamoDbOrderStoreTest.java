package dev.orderly.orders.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderly.dynamodb.DynamoDbEngineExtension;
import dev.orderly.idempotency.IdempotencyPayloadMismatchException;
import dev.orderly.idempotency.dynamodb.TransactionalIdempotency;
import dev.orderly.orders.domain.CancellationReason;
import dev.orderly.orders.domain.Ids;
import dev.orderly.orders.domain.Order;
import dev.orderly.orders.domain.OrderLine;
import dev.orderly.orders.domain.OrderStatus;
import dev.orderly.orders.domain.PlaceOrder;
import dev.orderly.orders.domain.TaskRequest;
import dev.orderly.orders.domain.TaskResult;
import dev.orderly.orders.domain.Transition;
import dev.orderly.orders.testing.OrdersTables;
import dev.orderly.orders.testing.SequentialIds;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The store against the in-process DynamoDB engine, through the SDK. */
class DynamoDbOrderStoreTest {
  @RegisterExtension static DynamoDbEngineExtension engine = new DynamoDbEngineExtension();

  private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");
  private static final Instant LATER = Instant.parse("2026-05-01T10:00:07Z");
  private static final ObjectMapper JSON = new ObjectMapper();

  private OrdersTables tables;
  private DynamoDbOrderStore store;

  @BeforeEach
  void setUp() {
    tables = new OrdersTables(engine.engine());
    store = store(new SequentialIds("event"));
  }

  private DynamoDbOrderStore store(Ids eventIds) {
    return new DynamoDbOrderStore(
        tables.dynamo,
        tables.orders,
        TransactionalIdempotency.builder(tables.dynamo, tables.idempotency)
            .clock(Clock.fixed(NOW, ZoneOffset.UTC))
            .build(),
        eventIds);
  }

  static Order order(String tenant, String orderId) {
    return Order.placed(
        new PlaceOrder(
            tenant,
            "corr-place",
            "cust-1",
            "EUR",
            "tok_ok",
            List.of(new OrderLine("SKU-1", 2, 1_250), new OrderLine("SKU-2", 1, 99))),
        orderId,
        NOW);
  }

  private static JsonNode detail(Map<String, AttributeValue> outboxItem) throws Exception {
    return JSON.readTree(outboxItem.get("detail").s());
  }

  @Test
  void create_writesTheOrderAndItsOrderPlacedEventTogether() throws Exception {
    store.create(order("tenant-a", "o-1"), "tok_ok", NOW);

    Map<String, AttributeValue> item = tables.order("tenant-a", "o-1");
    assertThat(item.get("status").s()).isEqualTo("PENDING");
    assertThat(item.get("version").n()).isEqualTo("1");
    assertThat(item.get("total").n()).isEqualTo("2599");
    assertThat(item).doesNotContainKey("paymentToken");
    Map<String, AttributeValue> outbox = tables.outbox("o-1", 1);
    assertThat(outbox.get("detailType").s()).isEqualTo("OrderPlaced");
    assertThat(outbox.get("source").s()).isEqualTo("orderly.orders");
    JsonNode detail = detail(outbox);
    assertThat(detail.at("/metadata/eventId").asText()).isEqualTo("event-1");
    assertThat(detail.at("/metadata/tenantId").asText()).isEqualTo("tenant-a");
    assertThat(detail.at("/metadata/correlationId").asText()).isEqualTo("corr-place");
    assertThat(detail.at("/metadata/occurredAt").asText()).isEqualTo(NOW.toString());
    assertThat(detail.at("/data/orderId").asText()).isEqualTo("o-1");
    assertThat(detail.at("/data/total").asLong()).isEqualTo(2_599);
    assertThat(detail.at("/data/paymentToken").asText()).isEqualTo("tok_ok");
    assertThat(detail.at("/data/version").asLong()).isEqualTo(1);
    assertThat(detail.at("/data/lines/0/sku").asText()).isEqualTo("SKU-1");
    assertThat(detail.at("/data/lines/0/unitPrice").asLong()).isEqualTo(1_250);
  }

  @Test
  void create_ofAnExistingOrderId_writesNeitherItemNorEvent() {
    store.create(order("tenant-a", "o-1"), "tok_ok", NOW);

    assertThatThrownBy(() -> store.create(order("tenant-a", "o-1"), "tok_other", NOW))
        .isInstanceOf(RuntimeException.class);

    assertThat(tables.all()).hasSize(2);
  }

  @Test
  void find_readsBackWhatWasWritten() {
    Order written = order("tenant-a", "o-1");
    store.create(written, "tok_ok", NOW);

    assertThat(store.find("tenant-a", "o-1")).contains(written);
  }

  @Test
  void find_ofAnotherTenantsOrder_findsNothing() {
    store.create(order("tenant-a", "o-1"), "tok_ok", NOW);

    assertThat(store.find("tenant-b", "o-1")).isEmpty();
    assertThat(store.find("tenant-a", "o-2")).isEmpty();
  }

  @Test
  void confirm_updatesTheOrderAndWritesOrderConfirmedInOneTransaction() throws Exception {
    store.create(order("tenant-a", "o-1"), "tok_ok", NOW);
    TaskRequest request = new TaskRequest("tenant-a", "o-1", "o-1/ConfirmOrder", "corr-saga");

    TaskResult result = store.transition(request, new Transition.Confirm(), LATER);

    assertThat(result).isEqualTo(new TaskResult(OrderStatus.CONFIRMED, true));
    Order confirmed = store.find("tenant-a", "o-1").orElseThrow();
    assertThat(confirmed.status()).isEqualTo(OrderStatus.CONFIRMED);
    assertThat(confirmed.version()).isEqualTo(2);
    assertThat(confirmed.updatedAt()).isEqualTo(LATER);
    JsonNode detail = detail(tables.outbox("o-1", 2));
    assertThat(tables.outbox("o-1", 2).get("detailType").s()).isEqualTo("OrderConfirmed");
    assertThat(detail.at("/metadata/correlationId").asText()).isEqualTo("corr-saga");
    assertThat(detail.at("/data/total").asLong()).isEqualTo(2_599);
    assertThat(detail.at("/data/version").asLong()).isEqualTo(2);
  }

  @Test
  void cancel_keepsTheReasonOnTheOrderAndInOrderCancelled() throws Exception {
    store.create(order("tenant-a", "o-1"), "tok_ok", NOW);
    TaskRequest request = new TaskRequest("tenant-a", "o-1", "o-1/ReserveStock", "corr-saga");
    CancellationReason reason = new CancellationReason("OUT_OF_STOCK", "SKU-2");

    store.transition(request, new Transition.Cancel(reason), LATER);

    assertThat(store.find("tenant-a", "o-1").orElseThrow().cancellation()).contains(reason);
    JsonNode detail = detail(tables.outbox("o-1", 2));
    assertThat(detail.at("/data/reason/code").asText()).isEqualTo("OUT_OF_STOCK");
    assertThat(detail.at("/data/reason/detail").asText()).isEqualTo("SKU-2");
  }

  @Test
  void duplicateDelivery_replaysWithoutASecondChangeOrEvent() {
    store.create(order("tenant-a", "o-1"), "tok_ok", NOW);
    TaskRequest request = new TaskRequest("tenant-a", "o-1", "o-1/ConfirmOrder", "corr-saga");

    TaskResult first = store.transition(request, new Transition.Confirm(), LATER);
    TaskResult second = store.transition(request, new Transition.Confirm(), LATER.plusSeconds(1));

    assertThat(second).isEqualTo(first);
    assertThat(store.find("tenant-a", "o-1").orElseThrow().version()).isEqualTo(2);
    assertThat(tables.outbox("o-1", 3)).isNull();
    assertThat(tables.all()).hasSize(3);
  }

  @Test
  void sameRequestIdForAnotherOrder_isRefusedAsAReusedKey() {
    store.create(order("tenant-a", "o-1"), "tok_ok", NOW);
    store.create(order("tenant-a", "o-2"), "tok_ok", NOW);
    store.transition(
        new TaskRequest("tenant-a", "o-1", "shared", "c"), new Transition.Confirm(), LATER);

    assertThatThrownBy(
            () ->
                store.transition(
                    new TaskRequest("tenant-a", "o-2", "shared", "c"),
                    new Transition.Confirm(),
                    LATER))
        .isInstanceOf(IdempotencyPayloadMismatchException.class);
    assertThat(store.find("tenant-a", "o-2").orElseThrow().status()).isEqualTo(OrderStatus.PENDING);
  }

  @Test
  void cancelOfUnknownOrder_writesNothingButTheRecord() {
    TaskResult result =
        store.transition(
            new TaskRequest("tenant-a", "ghost", "ghost/ReserveStock", "c"),
            new Transition.Cancel(CancellationReason.lenient(null, null)),
            LATER);

    assertThat(result).isEqualTo(new TaskResult(OrderStatus.CANCELLED, false));
    assertThat(tables.all()).isEmpty();
  }
}
