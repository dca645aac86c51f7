package dev.orderly.payments.domain;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Where an order's charge is recorded. Each operation is exactly-once per request id: the record,
 * its event and the idempotency record commit together, and a repeated request answers what the
 * first one did without calling the provider again.
 */
public interface PaymentRepository {

  /**
   * Records the order's charge, calling {@code charge} (which answers the provider's charge id)
   * only when the order has none yet.
   *
   * @throws ChargeVoidedException when the order's payment was already voided by a refund
   */
  ChargeOutcome charge(ChargePayment command, Supplier<String> charge, String eventId, Instant now);

  /**
   * Refunds the order's charge through {@code refund} (which answers the refund id) if it is still
   * charged; with no charge, voids the order's payment. True when the charge is refunded.
   */
  boolean refund(
      RefundPayment command, Function<Charge, String> refund, String eventId, Instant now);

  Optional<Charge> find(String tenantId, String orderId);
}
