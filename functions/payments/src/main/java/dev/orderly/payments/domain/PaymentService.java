package dev.orderly.payments.domain;

import dev.orderly.lambda.saga.PaymentDeclined;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Payments' use cases: charge an order once, refund it once. The provider given here is already
 * guarded (retries, circuit breaker), so what reaches this class is an answer or a {@link
 * dev.orderly.lambda.saga.TransientFailure}; a decline becomes {@link PaymentDeclined}.
 */
public final class PaymentService {
  private final PaymentRepository repository;
  private final PaymentProvider provider;
  private final Clock clock;
  private final Supplier<String> ids;

  public PaymentService(
      PaymentRepository repository, PaymentProvider provider, Clock clock, Supplier<String> ids) {
    this.repository = Objects.requireNonNull(repository, "repository");
    this.provider = Objects.requireNonNull(provider, "provider");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.ids = Objects.requireNonNull(ids, "ids");
  }

  /**
   * Charges the order (or answers its existing charge).
   *
   * @return the charge id
   * @throws PaymentDeclined when the provider declines
   * @throws ChargeVoidedException when the compensation already ran for this order
   */
  public String charge(ChargePayment command) {
    ChargeOutcome outcome =
        repository.charge(command, () -> chargeAtProvider(command), ids.get(), clock.instant());
    if (outcome instanceof ChargeOutcome.Charged charged) {
      return charged.chargeId();
    }
    provider.refund(((ChargeOutcome.LostToRefund) outcome).chargeId(), command.requestId());
    throw new ChargeVoidedException(command.orderId());
  }

  private String chargeAtProvider(ChargePayment command) {
    ChargeResult result = provider.charge(command.toRequest());
    if (result instanceof ChargeResult.Declined declined) {
      throw new PaymentDeclined(declined.reason());
    }
    return ((ChargeResult.Charged) result).chargeId();
  }

  /** Refunds the order's charge if there is one; true when it is refunded. */
  public boolean refund(RefundPayment command) {
    return repository.refund(
        command,
        charge -> provider.refund(charge.chargeId(), command.requestId()),
        ids.get(),
        clock.instant());
  }
}
