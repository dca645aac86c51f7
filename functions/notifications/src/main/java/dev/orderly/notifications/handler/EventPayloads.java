package dev.orderly.notifications.handler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderly.idempotency.PayloadHash;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * What makes two deliveries "the same event" for the payload check of the idempotency record: the
 * {@code detail} only. Each publication of an event gets a new EventBridge {@code id} and {@code
 * time}, so when the outbox relay publishes an event twice the message bodies differ, while the
 * detail, and its eventId, do not; hashing the whole body would turn that harmless duplicate into a
 * payload mismatch and send it to the dead-letter queue.
 */
public final class EventPayloads {
  private static final ObjectMapper JSON = new ObjectMapper();

  private EventPayloads() {}

  /** SHA-256 of the detail's JSON, or of the raw bytes when they are not an event. */
  public static Function<byte[], String> detailHash() {
    Function<byte[], String> sha256 = PayloadHash.sha256();
    return payload -> sha256.apply(detail(payload));
  }

  static byte[] detail(byte[] payload) {
    if (payload == null) {
      return new byte[0];
    }
    try {
      JsonNode event = JSON.readTree(payload);
      if (event != null && event.path("detail").isObject()) {
        return JSON.writeValueAsString(event.get("detail")).getBytes(StandardCharsets.UTF_8);
      }
    } catch (IOException notJson) {
      // hashed as it is
    }
    return payload;
  }
}
