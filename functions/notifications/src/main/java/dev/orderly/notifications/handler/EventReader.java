package dev.orderly.notifications.handler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderly.notifications.domain.EventMetadata;
import dev.orderly.notifications.domain.InboundEvent;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * Reads an SQS message body that an EventBridge rule delivered: the whole event, {@code
 * detail-type} and {@code detail = {metadata, data}}. Only the fields the mails need are read, so
 * optional fields added to the schemas later change nothing here.
 */
public final class EventReader {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern TENANT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
  private static final int MAX_ID_LENGTH = 128;

  private EventReader() {}

  public static InboundEvent read(String body) {
    JsonNode event;
    try {
      event = body == null ? null : JSON.readTree(body);
    } catch (IOException e) {
      throw new MalformedEventException("the message body is not JSON");
    }
    if (event == null || !event.isObject()) {
      throw new MalformedEventException("the message body is not a JSON object");
    }
    String detailType = text(event, "detail-type");
    JsonNode metadata = event.path("detail").path("metadata");
    JsonNode data = event.path("detail").path("data");
    String tenant = text(metadata, "tenantId");
    if (!TENANT.matcher(tenant).matches()) {
      throw new MalformedEventException("metadata.tenantId is not a tenant id");
    }
    String eventId = id(metadata, "eventId");
    EventMetadata meta =
        new EventMetadata(
            detailType,
            eventId,
            tenant,
            metadata.path("correlationId").isTextual()
                ? metadata.get("correlationId").asText()
                : eventId);
    switch (detailType) {
      case "UserRegistered":
        return new InboundEvent.UserRegistered(
            meta, id(data, "userId"), text(data, "email"), text(data, "name"), version(data));
      case "UserUpdated":
        return new InboundEvent.UserUpdated(
            meta, id(data, "userId"), text(data, "email"), text(data, "name"), version(data));
      case "OrderConfirmed":
        return new InboundEvent.OrderConfirmed(
            meta,
            id(data, "orderId"),
            id(data, "customerId"),
            number(data, "total"),
            text(data, "currency"));
      case "OrderCancelled":
        return new InboundEvent.OrderCancelled(
            meta, id(data, "orderId"), id(data, "customerId"), text(data.path("reason"), "code"));
      default:
        return new InboundEvent.Other(meta);
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    if (!value.isTextual() || value.asText().isBlank()) {
      throw new MalformedEventException(field + " is missing or not a string");
    }
    return value.asText();
  }

  private static String id(JsonNode node, String field) {
    String value = text(node, field);
    if (value.length() > MAX_ID_LENGTH) {
      throw new MalformedEventException(field + " is longer than " + MAX_ID_LENGTH);
    }
    return value;
  }

  private static long number(JsonNode node, String field) {
    JsonNode value = node.path(field);
    if (!value.isIntegralNumber() || !value.canConvertToLong()) {
      throw new MalformedEventException(field + " is missing or not an integer");
    }
    return value.asLong();
  }

  private static long version(JsonNode data) {
    long version = number(data, "version");
    if (version < 1) {
      throw new MalformedEventException("version must be at least 1");
    }
    return version;
  }
}
