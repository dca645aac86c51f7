package dev.orderly.payments.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderly.lambda.saga.PaymentDeclined;
import dev.orderly.payments.provider.LocalPaymentProvider;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The service's decisions over a scripted repository and the local provider. */
class PaymentServiceTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-05-01T10:00:00Z"), ZoneOffset.UTC);

  /** Runs what the service hands it, then answers with the scripted outcome if there is one. */
  private static final class ScriptedRepository implements PaymentRepository {
    private final Function<String, ChargeOutcome> outcome;

    ScriptedRepository(Function<String, ChargeOutcome> outcome) {
      this.outcome = outcome;
    }

    @Override
    public ChargeOutcome charge(
        ChargePayment command, Supplier<String> charge, String eventId, Instant now) {
      return outcome.apply(charge.get());
    }

    @Override
    public boolean refund(
        RefundPayment command, Function<Charge, String> refund, String eventId, Instant now) {
      refund.apply(new Charge("acme", "o", "ch_local_1", 100, "USD", Charge.Status.CHARGED));
      return true;
    }

    @Override
    public Optional<Charge> find(String tenantId, String orderId) {
      return Optional.empty();
    }
  }

  private static ChargePayment charge(String token) {
    return new ChargePayment("acme", "o", "o/ChargePayment", "c", "cust", 1250, "EUR", token);
  }

  @Test
  void charge_answersTheProvidersChargeIdKeyedByTheRequestId() {
    LocalPaymentProvider provider = new LocalPaymentProvider();
    PaymentService service =
        new PaymentService(
            new ScriptedRepository(ChargeOutcome.Charged::new), provider, CLOCK, () -> "id");

    String chargeId = service.charge(charge("tok_ok"));

    assertThat(chargeId).startsWith("ch_local_");
    assertThat(provider.charge(new ChargeRequest("o/ChargePayment", 1250, "EUR", "tok_ok")))
        .isEqualTo(new ChargeResult.Charged(chargeId));
    assertThat(provider.charges()).isEqualTo(1);
  }

  @Test
  void aDecline_isPaymentDeclinedWithTheProvidersReason() {
    PaymentService service =
        new PaymentService(
            new ScriptedRepository(ChargeOutcome.Charged::new),
            new LocalPaymentProvider(),
            CLOCK,
            () -> "id");

    assertThatThrownBy(() -> service.charge(charge("tok_decline")))
        .isInstanceOfSatisfying(
            PaymentDeclined.class, e -> assertThat(e.reason()).isEqualTo("card_declined"));
  }

  @Test
  void aChargeThatLostToItsRefund_isGivenBackAtOnce() {
    LocalPaymentProvider provider = new LocalPaymentProvider();
    PaymentService service =
        new PaymentService(
            new ScriptedRepository(ChargeOutcome.LostToRefund::new), provider, CLOCK, () -> "id");

    assertThatThrownBy(() -> service.charge(charge("tok_ok")))
        .isInstanceOf(ChargeVoidedException.class);
    assertThat(provider.charges()).isEqualTo(1);
    assertThat(provider.refunds()).isEqualTo(1);
  }

  @Test
  void refund_goesToTheProviderKeyedByTheSharedRequestId() {
    LocalPaymentProvider provider = new LocalPaymentProvider();
    PaymentService service =
        new PaymentService(
            new ScriptedRepository(ChargeOutcome.Charged::new), provider, CLOCK, () -> "id");

    assertThat(service.refund(new RefundPayment("acme", "o", "o/ChargePayment", "c"))).isTrue();
    assertThat(provider.isRefunded("ch_local_1")).isTrue();
    assertThat(provider.refund("ch_local_1", "o/ChargePayment")).isEqualTo("re_local_1");
    assertThat(provider.refunds()).isEqualTo(1);
  }
}
