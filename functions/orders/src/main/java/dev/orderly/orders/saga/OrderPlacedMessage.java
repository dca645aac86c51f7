package dev.orderly.orders.saga;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An {@code OrderPlaced} event as an EventBridge rule delivers it to the saga queue: the full
 * EventBridge event in the message body, whose {@code detail} ({@code {metadata, data}}) becomes
 * the execution's input and whose {@code data.orderId} its name.
 */
public record OrderPlacedMessage(String orderId, String correlationId, String detailJson) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What Step Functions accepts as an execution name (and more than an order id needs). */
  private static final Pattern EXECUTION_NAME = Pattern.compile("[A-Za-z0-9_-]{1,80}");

  public OrderPlacedMessage {
    Objects.requireNonNull(orderId, "orderId");
    Objects.requireNonNull(correlationId, "correlationId");
    Objects.requireNonNull(detailJson, "detailJson");
  }

  /** Reads a message body, refusing anything but an orders service OrderPlaced event. */
  public static OrderPlacedMessage parse(String body) {
    JsonNode event;
    try {
      event = body == null ? null : JSON.readTree(body);
    } catch (IOException e) {
      throw new MalformedOrderPlaced("the message body is not JSON");
    }
    if (event == null || !event.isObject()) {
      throw new MalformedOrderPlaced("the message body is not a JSON object");
    }
    if (!"orderly.orders".equals(event.path("source").asText())
        || !"OrderPlaced".equals(event.path("detail-type").asText())) {
      throw new MalformedOrderPlaced(
          "not an OrderPlaced event from orderly.orders: "
              + event.path("source").asText()
              + " / "
              + event.path("detail-type").asText());
    }
    JsonNode detail = event.path("detail");
    JsonNode orderId = detail.path("data").path("orderId");
    if (!orderId.isTextual() || !EXECUTION_NAME.matcher(orderId.asText()).matches()) {
      throw new MalformedOrderPlaced("detail.data.orderId is missing or not an execution name");
    }
    JsonNode metadata = detail.path("metadata");
    if (!metadata.path("eventId").isTextual() || !metadata.path("tenantId").isTextual()) {
      throw new MalformedOrderPlaced("detail.metadata lacks eventId or tenantId");
    }
    return new OrderPlacedMessage(
        orderId.asText(), metadata.path("correlationId").asText("unknown"), detail.toString());
  }
}
