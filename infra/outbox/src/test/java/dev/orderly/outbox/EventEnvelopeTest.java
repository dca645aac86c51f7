package dev.orderly.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventEnvelopeTest {
  private static EventEnvelope envelope(String source, int schemaVersion) {
    return new EventEnvelope(
        source,
        "OrderPlaced",
        "e1",
        "tenant-a",
        "corr-1",
        Instant.parse("2026-05-01T10:00:00Z"),
        schemaVersion,
        JsonNodeFactory.instance.objectNode().put("orderId", "o1"));
  }

  @Test
  void detail_roundTripsThroughTheOutboxItem() {
    EventEnvelope original = envelope("orderly.orders", 2);

    EventEnvelope read =
        EventEnvelope.fromDetail(original.source(), original.detailType(), original.detailJson());

    assertThat(read).isEqualTo(original);
  }

  @Test
  void source_mustNameAnOrderlyService() {
    assertThatThrownBy(() -> envelope("orders", 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("source must be orderly.<service>: orders");
  }

  @Test
  void schemaVersion_startsAtOne() {
    assertThatThrownBy(() -> envelope("orderly.orders", 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("schemaVersion must be at least 1: 0");
  }
}
