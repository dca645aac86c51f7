package dev.orderly.notifications.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderly.notifications.domain.EventMetadata;
import dev.orderly.notifications.domain.InboundEvent;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EventReaderTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static ObjectNode event(String detailType) {
    ObjectNode event = JSON.createObjectNode();
    event.put("id", "eb-1").put("detail-type", detailType).put("source", "orderly.test");
    ObjectNode detail = event.putObject("detail");
    detail
        .putObject("metadata")
        .put("eventId", "ev-1")
        .put("tenantId", "acme")
        .put("correlationId", "corr-1")
        .put("schemaVersion", 1);
    ObjectNode data = detail.putObject("data");
    data.put("userId", "u-1").put("email", "a@b.co").put("name", "A").put("version", 3);
    data.put("orderId", "o-1").put("customerId", "u-1").put("total", 1999).put("currency", "EUR");
    data.putObject("reason").put("code", "OUT_OF_STOCK").put("detail", "SKU-1");
    return event;
  }

  private static final EventMetadata META = new EventMetadata("X", "ev-1", "acme", "corr-1");

  private static EventMetadata meta(String type) {
    return new EventMetadata(type, META.eventId(), META.tenant(), META.correlationId());
  }

  static Stream<Arguments> readable() {
    return Stream.of(
        Arguments.of(
            "UserRegistered",
            new InboundEvent.UserRegistered(meta("UserRegistered"), "u-1", "a@b.co", "A", 3)),
        Arguments.of(
            "UserUpdated",
            new InboundEvent.UserUpdated(meta("UserUpdated"), "u-1", "a@b.co", "A", 3)),
        Arguments.of(
            "OrderConfirmed",
            new InboundEvent.OrderConfirmed(meta("OrderConfirmed"), "o-1", "u-1", 1999, "EUR")),
        Arguments.of(
            "OrderCancelled",
            new InboundEvent.OrderCancelled(meta("OrderCancelled"), "o-1", "u-1", "OUT_OF_STOCK")),
        Arguments.of("PaymentCharged", new InboundEvent.Other(meta("PaymentCharged"))));
  }

  @ParameterizedTest
  @MethodSource
  void readable(String detailType, InboundEvent expected) {
    assertThat(EventReader.read(event(detailType).toString())).isEqualTo(expected);
  }

  @Test
  void aMissingCorrelationId_fallsBackToTheEventId() {
    ObjectNode event = event("UserUpdated");
    ((ObjectNode) event.get("detail").get("metadata")).remove("correlationId");

    assertThat(EventReader.read(event.toString()).metadata().correlationId()).isEqualTo("ev-1");
  }

  private static Arguments refused(String what, Consumer<ObjectNode> breaking, String message) {
    return Arguments.of(what, breaking, message);
  }

  private static ObjectNode data(ObjectNode event) {
    return (ObjectNode) event.get("detail").get("data");
  }

  private static ObjectNode metadata(ObjectNode event) {
    return (ObjectNode) event.get("detail").get("metadata");
  }

  static Stream<Arguments> unreadable() {
    return Stream.of(
        refused("no detail-type", e -> e.remove("detail-type"), "detail-type is missing"),
        refused("no detail", e -> e.remove("detail"), "tenantId is missing"),
        refused("no eventId", e -> metadata(e).remove("eventId"), "eventId is missing"),
        refused("blank eventId", e -> metadata(e).put("eventId", " "), "eventId is missing"),
        refused(
            "long eventId",
            e -> metadata(e).put("eventId", "e".repeat(129)),
            "eventId is longer than 128"),
        refused(
            "tenant with #",
            e -> metadata(e).put("tenantId", "acme#USER"),
            "metadata.tenantId is not a tenant id"),
        refused("no email", e -> data(e).remove("email"), "email is missing"),
        refused("email a number", e -> data(e).put("email", 7), "email is missing"),
        refused("no version", e -> data(e).remove("version"), "version is missing"),
        refused("version 0", e -> data(e).put("version", 0), "version must be at least 1"),
        refused("version text", e -> data(e).put("version", "1"), "version is missing"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void unreadable(String what, Consumer<ObjectNode> breaking, String message) {
    ObjectNode event = event("UserRegistered");
    breaking.accept(event);

    assertThatThrownBy(() -> EventReader.read(event.toString()))
        .isInstanceOf(MalformedEventException.class)
        .hasMessageStartingWith(message);
  }

  static Stream<Arguments> unreadableOrders() {
    return Stream.of(
        refused("total a decimal", e -> data(e).put("total", 19.99), "total is missing"),
        refused(
            "total too big",
            e -> data(e).put("total", new java.math.BigInteger("99999999999999999999")),
            "total is missing"),
        refused("no customerId", e -> data(e).remove("customerId"), "customerId is missing"),
        refused("no currency", e -> data(e).remove("currency"), "currency is missing"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void unreadableOrders(String what, Consumer<ObjectNode> breaking, String message) {
    ObjectNode event = event("OrderConfirmed");
    breaking.accept(event);

    assertThatThrownBy(() -> EventReader.read(event.toString()))
        .isInstanceOf(MalformedEventException.class)
        .hasMessageStartingWith(message);
  }

  @Test
  void aCancellationWithoutReasonCode_isUnreadable() {
    ObjectNode event = event("OrderCancelled");
    data(event).remove("reason");

    assertThatThrownBy(() -> EventReader.read(event.toString()))
        .hasMessageStartingWith("code is missing");
  }

  @Test
  void bodiesThatAreNotJsonObjects_areUnreadable() {
    assertThatThrownBy(() -> EventReader.read("{\"detail\": "))
        .isInstanceOf(MalformedEventException.class)
        .hasMessage("the message body is not JSON");
    assertThatThrownBy(() -> EventReader.read("[1, 2]"))
        .hasMessage("the message body is not a JSON object");
    assertThatThrownBy(() -> EventReader.read(null))
        .hasMessage("the message body is not a JSON object");
  }
}
