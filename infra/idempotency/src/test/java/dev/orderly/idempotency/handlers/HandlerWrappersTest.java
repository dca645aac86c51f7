package dev.orderly.idempotency.handlers;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderly.idempotency.Idempotency;
import dev.orderly.idempotency.IdempotencyKeyMissingException;
import dev.orderly.idempotency.InMemoryIdempotencyStore;
import dev.orderly.idempotency.MutableClock;
import dev.orderly.idempotency.ResponseCodec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The EventBridge and Step Functions adapters: which deliveries share a key, which do not. */
class HandlerWrappersTest {
  private Idempotency idempotency;
  private final List<String> effects = new ArrayList<>();

  @BeforeEach
  void setUp() {
    idempotency =
        Idempotency.builder(new InMemoryIdempotencyStore())
            .clock(new MutableClock(Instant.parse("2026-05-01T10:00:00Z")))
            .build();
  }

  private static String event(String eventId) {
    return "{\"source\":\"orderly.orders\",\"detail-type\":\"OrderPlaced\",\"detail\":{\"metadata\":"
        + "{\"eventId\":\""
        + eventId
        + "\"},\"data\":{\"orderId\":\"o1\"}}}";
  }

  @Test
  void eventPublishedTwice_hasItsEffectOnce() {
    EventIdempotency events = new EventIdempotency(idempotency);

    String first = events.handle(event("e1"), null, ResponseCodec.text(), () -> effect("sent e1"));
    String second =
        events.handle(event("e1"), null, ResponseCodec.text(), () -> effect("sent e1 again"));

    assertThat(first).isEqualTo("sent e1");
    assertThat(second).isEqualTo("sent e1");
    assertThat(effects).containsExactly("sent e1");
  }

  @Test
  void eventWithoutAnEventId_isRefused() {
    EventIdempotency events = new EventIdempotency(idempotency);

    assertThatThrownBy(
            () ->
                events.handle(
                    "{\"detail\":{\"data\":{}}}", null, ResponseCodec.text(), () -> effect("x")))
        .isInstanceOf(IdempotencyKeyMissingException.class);
    assertThat(effects).isEmpty();
  }

  @Test
  void retriedTask_replaysAndDifferentTasksOfOneExecutionDoNotCollide() {
    SagaTaskIdempotency tasks = new SagaTaskIdempotency(idempotency);
    byte[] input = "{\"orderId\":\"o1\"}".getBytes(UTF_8);

    String charge =
        tasks.handle(
            "o1", "ChargePayment", input, null, ResponseCodec.text(), () -> effect("charged"));
    String retried =
        tasks.handle(
            "o1",
            "ChargePayment",
            input,
            null,
            ResponseCodec.text(),
            () -> effect("charged twice"));
    String refund =
        tasks.handle(
            "o1", "RefundPayment", input, null, ResponseCodec.text(), () -> effect("refunded"));
    String otherOrder =
        tasks.handle(
            "o2", "ChargePayment", input, null, ResponseCodec.text(), () -> effect("charged o2"));

    assertThat(charge).isEqualTo("charged");
    assertThat(retried).isEqualTo("charged");
    assertThat(refund).isEqualTo("refunded");
    assertThat(otherOrder).isEqualTo("charged o2");
    assertThat(effects).containsExactly("charged", "refunded", "charged o2");
  }

  @Test
  void stepAndItsCompensation_shareOneRequestId() {
    assertThat(SagaTaskIdempotency.requestId("o1", "ChargePayment")).isEqualTo("o1/ChargePayment");
  }

  private String effect(String what) {
    effects.add(what);
    return what;
  }
}
