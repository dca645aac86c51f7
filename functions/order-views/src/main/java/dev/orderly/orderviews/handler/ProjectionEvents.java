package dev.orderly.orderviews.handler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderly.orderviews.domain.CancelReason;
import dev.orderly.orderviews.domain.CustomerChange;
import dev.orderly.orderviews.domain.Money;
import dev.orderly.orderviews.domain.OrderChange;
import dev.orderly.orderviews.domain.OrderStatus;
import dev.orderly.orderviews.domain.ProjectionEvent;
import dev.orderly.orderviews.domain.StatusChange;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the EventBridge events an SQS queue delivers ({@code detail-type} and {@code detail =
 * {metadata, data}}, ARCHITECTURE §4) into projection events. Every field is read by hand and
 * checked; anything missing or malformed is a {@link MalformedEventException} naming the field.
 */
public final class ProjectionEvents {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> USED =
      Set.of("OrderPlaced", "OrderConfirmed", "OrderCancelled", "UserRegistered", "UserUpdated");

  private ProjectionEvents() {}

  public static ReceivedEvent read(String body) {
    JsonNode root;
    try {
      root = body == null ? null : JSON.readTree(body);
    } catch (IOException e) {
      throw new MalformedEventException("the message body is not JSON", e);
    }
    if (root == null || !root.isObject()) {
      throw new MalformedEventException("the message body is not a JSON object");
    }
    String detailType = text(root, "detail-type");
    JsonNode metadata = root.path("detail").path("metadata");
    JsonNode data = root.path("detail").path("data");
    String eventId = text(metadata, "eventId");
    String correlationId = text(metadata, "correlationId");
    try {
      return new ReceivedEvent(
          detailType, eventId, correlationId, project(detailType, metadata, data));
    } catch (IllegalArgumentException invalid) {
      throw new MalformedEventException(detailType + " " + eventId + ": " + invalid.getMessage());
    }
  }

  private static Optional<ProjectionEvent> project(
      String detailType, JsonNode metadata, JsonNode data) {
    if (!USED.contains(detailType)) {
      return Optional.empty();
    }
    String tenant = text(metadata, "tenantId");
    Instant at = instant(metadata, "occurredAt");
    switch (detailType) {
      case "OrderPlaced":
        return Optional.of(order(tenant, data, OrderStatus.PENDING, at, true));
      case "OrderConfirmed":
        return Optional.of(order(tenant, data, OrderStatus.CONFIRMED, at, true));
      case "OrderCancelled":
        return Optional.of(order(tenant, data, OrderStatus.CANCELLED, at, false));
      case "UserRegistered":
      case "UserUpdated":
        return Optional.of(
            new CustomerChange(
                tenant, text(data, "userId"), text(data, "name"), integer(data, "version")));
      default:
        throw new IllegalStateException("no reading for " + detailType);
    }
  }

  private static OrderChange order(
      String tenant, JsonNode data, OrderStatus status, Instant at, boolean carriesAmount) {
    Optional<CancelReason> reason =
        status == OrderStatus.CANCELLED
            ? Optional.of(
                new CancelReason(
                    text(data.path("reason"), "code"), optionalText(data.path("reason"), "detail")))
            : Optional.empty();
    return new OrderChange(
        tenant,
        text(data, "orderId"),
        text(data, "customerId"),
        new StatusChange(integer(data, "version"), status, at, reason),
        carriesAmount
            ? Optional.of(new Money(integer(data, "total"), text(data, "currency")))
            : Optional.empty(),
        status == OrderStatus.PENDING ? Optional.of(at) : Optional.empty());
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    if (!value.isTextual() || value.asText().isBlank()) {
      throw new MalformedEventException(field + " must be a non-blank string");
    }
    return value.asText();
  }

  private static String optionalText(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isTextual() ? value.asText() : "";
  }

  private static long integer(JsonNode node, String field) {
    JsonNode value = node.path(field);
    if (!value.isIntegralNumber() || !value.canConvertToLong()) {
      throw new MalformedEventException(field + " must be an integer");
    }
    return value.longValue();
  }

  private static Instant instant(JsonNode node, String field) {
    try {
      return Instant.parse(text(node, field));
    } catch (DateTimeParseException e) {
      throw new MalformedEventException(field + " must be an ISO-8601 instant");
    }
  }
}
