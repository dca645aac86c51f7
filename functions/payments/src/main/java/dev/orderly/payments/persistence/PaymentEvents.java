package dev.orderly.payments.persistence;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderly.outbox.EventEnvelope;
import dev.orderly.outbox.OutboxEntry;
import dev.orderly.payments.domain.Charge;
import java.time.Instant;

/**
 * Payments' events, {@code PaymentCharged} and {@code PaymentRefunded} ({@code data: {orderId,
 * chargeId, amount, currency}}), as outbox entries of the order's charge: charged at position 1,
 * refunded at 2, so neither can be written twice for one order.
 */
final class PaymentEvents {
  static final String SOURCE = "orderly.payments";
  static final String CHARGED = "PaymentCharged";
  static final String REFUNDED = "PaymentRefunded";

  private PaymentEvents() {}

  static OutboxEntry charged(Charge charge, String eventId, String correlationId, Instant now) {
    return entry(CHARGED, 1, charge, eventId, correlationId, now);
  }

  static OutboxEntry refunded(Charge charge, String eventId, String correlationId, Instant now) {
    return entry(REFUNDED, 2, charge, eventId, correlationId, now);
  }

  private static OutboxEntry entry(
      String detailType,
      long sequence,
      Charge charge,
      String eventId,
      String correlationId,
      Instant now) {
    ObjectNode data =
        JsonNodeFactory.instance
            .objectNode()
            .put("orderId", charge.orderId())
            .put("chargeId", charge.chargeId())
            .put("amount", charge.amount())
            .put("currency", charge.currency());
    EventEnvelope event =
        new EventEnvelope(
            SOURCE, detailType, eventId, charge.tenantId(), correlationId, now, 1, data);
    return new OutboxEntry(ChargeItems.pk(charge.tenantId(), charge.orderId()), sequence, event);
  }
}
