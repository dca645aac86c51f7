package dev.orderly.orderviews.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderly.orderviews.domain.CancelReason;
import dev.orderly.orderviews.domain.CustomerChange;
import dev.orderly.orderviews.domain.Money;
import dev.orderly.orderviews.domain.OrderChange;
import dev.orderly.orderviews.domain.OrderStatus;
import dev.orderly.orderviews.domain.StatusChange;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading EventBridge events from SQS bodies: each kind, unrelated ones, and every refusal. */
class ProjectionEventsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant AT = Instant.parse("2026-05-01T10:00:00Z");

  static ObjectNode event(String detailType) {
    ObjectNode root = JSON.createObjectNode();
    root.put("version", "0").put("id", "eb-1").put("detail-type", detailType);
    root.put("source", "orderly.orders").put("time", AT.toString());
    ObjectNode detail = root.putObject("detail");
    detail
        .putObject("metadata")
        .put("eventId", "ev-1")
        .put("tenantId", "t1")
        .put("correlationId", "corr-1")
        .put("occurredAt", AT.toString())
        .put("schemaVersion", 1);
    ObjectNode data = detail.putObject("data");
    switch (detailType) {
      case "UserRegistered", "UserUpdated" ->
          data.put("userId", "u1")
              .put("email", "ada@example.com")
              .put("name", "Ada")
              .put("version", 1);
      default -> {
        data.put("orderId", "o1").put("customerId", "u1").put("version", 1);
        data.put("total", 2500).put("currency", "EUR");
        data.putObject("reason").put("code", "OUT_OF_STOCK").put("detail", "sku-1");
      }
    }
    return root;
  }

  private static ObjectNode data(ObjectNode event) {
    return (ObjectNode) event.path("detail").path("data");
  }

  private static ObjectNode metadata(ObjectNode event) {
    return (ObjectNode) event.path("detail").path("metadata");
  }

  @Test
  void orderPlaced_isAPendingChangeWithAmountAndPlacement() {
    ReceivedEvent received = ProjectionEvents.read(event("OrderPlaced").toString());

    assertThat(received.eventId()).isEqualTo("ev-1");
    assertThat(received.correlationId()).isEqualTo("corr-1");
    assertThat(received.event())
        .contains(
            new OrderChange(
                "t1",
                "o1",
                "u1",
                new StatusChange(1, OrderStatus.PENDING, AT, Optional.empty()),
                Optional.of(new Money(2500, "EUR")),
                Optional.of(AT)));
  }

  @Test
  void orderCancelled_carriesItsReasonAndNoAmount() {
    ObjectNode cancelled = event("OrderCancelled");
    data(cancelled).put("version", 2).remove("total");

    OrderChange change = (OrderChange) ProjectionEvents.read(cancelled.toString()).event().get();

    assertThat(change.change())
        .isEqualTo(
            new StatusChange(
                2,
                OrderStatus.CANCELLED,
                AT,
                Optional.of(new CancelReason("OUT_OF_STOCK", "sku-1"))));
    assertThat(change.amount()).isEmpty();
    assertThat(change.placedAt()).isEmpty();
  }

  @Test
  void orderConfirmed_isAConfirmedChangeWithoutPlacement() {
    ObjectNode confirmed = event("OrderConfirmed");
    data(confirmed).put("version", 2);

    OrderChange change = (OrderChange) ProjectionEvents.read(confirmed.toString()).event().get();

    assertThat(change.change().status()).isEqualTo(OrderStatus.CONFIRMED);
    assertThat(change.version()).isEqualTo(2);
    assertThat(change.placedAt()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"UserRegistered", "UserUpdated"})
  void userEvents_areCustomerChanges(String detailType) {
    assertThat(ProjectionEvents.read(event(detailType).toString()).event())
        .contains(new CustomerChange("t1", "u1", "Ada", 1));
  }

  @ParameterizedTest
  @ValueSource(strings = {"StockReserved", "PaymentCharged", "OrderPlacedV2"})
  void otherDetailTypes_areIgnoredEvenWithoutData(String detailType) {
    ObjectNode other = event(detailType);
    ((ObjectNode) other.path("detail")).remove("data");

    ReceivedEvent received = ProjectionEvents.read(other.toString());

    assertThat(received.event()).isEmpty();
    assertThat(received.detailType()).isEqualTo(detailType);
  }

  static Stream<Arguments> malformed() {
    return Stream.of(
        refused("no detail-type", e -> e.remove("detail-type"), "detail-type"),
        refused("no eventId", e -> metadata(e).remove("eventId"), "eventId"),
        refused("no correlationId", e -> metadata(e).put("correlationId", ""), "correlationId"),
        refused("no tenant", e -> metadata(e).remove("tenantId"), "tenantId"),
        refused("tenant with #", e -> metadata(e).put("tenantId", "t#2"), "tenant"),
        refused(
            "occurredAt not an instant",
            e -> metadata(e).put("occurredAt", "yesterday"),
            "occurredAt"),
        refused("version as text", e -> data(e).put("version", "1"), "version must be an integer"),
        refused("version 0", e -> data(e).put("version", 0), "version must be at least 1"),
        refused("fractional total", e -> data(e).put("total", 25.5), "total must be an integer"),
        refused("negative total", e -> data(e).put("total", -1), "total must not be negative"),
        refused("bad currency", e -> data(e).put("currency", "euro"), "currency"),
        refused("orderId with #", e -> data(e).put("orderId", "o#1"), "orderId"),
        refused("no customerId", e -> data(e).remove("customerId"), "customerId"));
  }

  private static Arguments refused(String name, Consumer<ObjectNode> breakIt, String message) {
    return Arguments.of(name, breakIt, message);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void malformedOrderPlaced_isRefusedNamingTheField(
      String name, Consumer<ObjectNode> breakIt, String message) {
    ObjectNode event = event("OrderPlaced");
    breakIt.accept(event);

    assertThatThrownBy(() -> ProjectionEvents.read(event.toString()))
        .isInstanceOf(MalformedEventException.class)
        .hasMessageContaining(message);
  }

  @Test
  void cancellationWithoutReasonCode_isRefused() {
    ObjectNode cancelled = event("OrderCancelled");
    ((ObjectNode) data(cancelled).path("reason")).remove("code");

    assertThatThrownBy(() -> ProjectionEvents.read(cancelled.toString()))
        .isInstanceOf(MalformedEventException.class)
        .hasMessageContaining("code");
  }

  @Test
  void userWithoutName_isRefused() {
    ObjectNode user = event("UserUpdated");
    data(user).remove("name");

    assertThatThrownBy(() -> ProjectionEvents.read(user.toString()))
        .isInstanceOf(MalformedEventException.class)
        .hasMessageContaining("name");
  }

  @ParameterizedTest
  @ValueSource(strings = {"not json", "[1, 2]", "\"text\"", ""})
  void bodyThatIsNotAJsonObject_isRefused(String body) {
    assertThatThrownBy(() -> ProjectionEvents.read(body))
        .isInstanceOf(MalformedEventException.class);
  }
}
