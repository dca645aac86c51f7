package dev.orderly.payments.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderly.dynamodb.DynamoDbEngineExtension;
import dev.orderly.idempotency.IdempotencyPayloadMismatchException;
import dev.orderly.lambda.saga.PaymentDeclined;
import dev.orderly.payments.LocalPayments;
import dev.orderly.payments.domain.Charge;
import dev.orderly.payments.domain.ChargeOutcome;
import dev.orderly.payments.domain.ChargePayment;
import dev.orderly.payments.domain.ChargeVoidedException;
import dev.orderly.payments.domain.RefundPayment;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The repository through the SDK against the in-process engine, with counted provider calls. */
class DynamoDbPaymentRepositoryTest {
  @RegisterExtension static final DynamoDbEngineExtension ENGINE = new DynamoDbEngineExtension();
  private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");

  private LocalPayments local;
  private DynamoDbPaymentRepository repository;
  private final AtomicInteger charges = new AtomicInteger();
  private final AtomicInteger refunds = new AtomicInteger();

  @BeforeEach
  void setUp() {
    local = new LocalPayments(ENGINE.engine());
    repository = local.repository(Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private static ChargePayment command(String orderId, long amount) {
    return new ChargePayment(
        "acme", orderId, orderId + "/ChargePayment", "corr", "cust-1", amount, "EUR", "tok_ok");
  }

  private static RefundPayment refundOf(String orderId) {
    return new RefundPayment("acme", orderId, orderId + "/ChargePayment", "corr");
  }

  /** A provider charge that counts its calls and answers a fixed id. */
  private Supplier<String> provider(String chargeId) {
    return () -> {
      charges.incrementAndGet();
      return chargeId;
    };
  }

  private Function<Charge, String> refunder() {
    return charge -> "re_" + refunds.incrementAndGet();
  }

  private ChargeOutcome charge(String orderId, String chargeId, String eventId) {
    return repository.charge(command(orderId, 1250), provider(chargeId), eventId, NOW);
  }

  @Test
  void charge_recordsTheChargeAndItsEventInOneTransaction() {
    ChargeOutcome outcome = charge("o-1", "ch_1", "evt-1");

    assertThat(outcome).isEqualTo(new ChargeOutcome.Charged("ch_1"));
    assertThat(repository.find("acme", "o-1"))
        .contains(new Charge("acme", "o-1", "ch_1", 1250, "EUR", Charge.Status.CHARGED));
    List<Map<String, AttributeValue>> outbox = local.outbox();
    assertThat(outbox).hasSize(1);
    assertThat(outbox.get(0).get("pk").s()).isEqualTo("OUTBOX#T#acme#PAY#o-1");
    assertThat(outbox.get(0).get("detailType").s()).isEqualTo("PaymentCharged");
    assertThat(outbox.get(0).get("source").s()).isEqualTo("orderly.payments");
    assertThat(outbox.get(0).get("detail").s())
        .contains("\"eventId\":\"evt-1\"", "\"correlationId\":\"corr\"")
        .contains(
            "\"data\":{\"orderId\":\"o-1\",\"chargeId\":\"ch_1\",\"amount\":1250,"
                + "\"currency\":\"EUR\"}");
  }

  @Test
  void charge_deliveredAgain_answersTheRecordedChargeWithoutAskingTheProvider() {
    charge("o-2", "ch_2", "evt-1");

    ChargeOutcome again = charge("o-2", "ch_other", "evt-2");

    assertThat(again).isEqualTo(new ChargeOutcome.Charged("ch_2"));
    assertThat(charges).hasValue(1);
    assertThat(local.outbox()).hasSize(1);
  }

  @Test
  void charge_withTheSameRequestIdButAnotherAmount_isAPayloadMismatch() {
    charge("o-3", "ch_3", "evt-1");

    assertThatThrownBy(
            () -> repository.charge(command("o-3", 9_999), provider("ch_x"), "evt-2", NOW))
        .isInstanceOf(IdempotencyPayloadMismatchException.class);
    assertThat(repository.find("acme", "o-3").orElseThrow().amount()).isEqualTo(1250);
  }

  @Test
  void aDecline_recordsNothing_soARedeliveryAsksTheProviderAgain() {
    Supplier<String> declining =
        () -> {
          charges.incrementAndGet();
          throw new PaymentDeclined("card_declined");
        };

    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> repository.charge(command("o-4", 1250), declining, "evt", NOW))
          .isInstanceOf(PaymentDeclined.class);
    }
    assertThat(charges).hasValue(2);
    assertThat(repository.find("acme", "o-4")).isEmpty();
    assertThat(local.outbox()).isEmpty();
  }

  @Test
  void refund_afterCharge_refundsOnceEvenWhenDeliveredTwice() {
    charge("o-5", "ch_5", "evt-1");

    boolean first = repository.refund(refundOf("o-5"), refunder(), "evt-2", NOW);
    boolean second = repository.refund(refundOf("o-5"), refunder(), "evt-3", NOW);

    assertThat(first).isTrue();
    assertThat(second).isTrue();
    assertThat(refunds).hasValue(1);
    assertThat(repository.find("acme", "o-5").orElseThrow().status())
        .isEqualTo(Charge.Status.REFUNDED);
    assertThat(local.outbox())
        .extracting(item -> item.get("detailType").s())
        .containsExactlyInAnyOrder("PaymentCharged", "PaymentRefunded");
  }

  @Test
  void refund_ofAChargeThatNeverHappened_isANoOpThatVoidsALateCharge() {
    assertThat(repository.refund(refundOf("o-6"), refunder(), "evt-1", NOW)).isFalse();
    assertThat(repository.refund(refundOf("o-6"), refunder(), "evt-2", NOW)).isFalse();

    assertThatThrownBy(() -> charge("o-6", "ch_6", "evt-3"))
        .isInstanceOf(ChargeVoidedException.class);
    assertThat(charges).hasValue(0);
    assertThat(refunds).hasValue(0);
    assertThat(repository.find("acme", "o-6")).contains(Charge.voided("acme", "o-6"));
    assertThat(local.outbox()).isEmpty();
  }

  @Test
  void aChargeMadeWhileItsRefundVoidedTheOrder_isReportedForGivingBack() {
    Supplier<String> chargeRacedByRefund =
        () -> {
          charges.incrementAndGet();
          repository.refund(refundOf("o-7"), refunder(), "evt-r", NOW);
          return "ch_7";
        };

    ChargeOutcome outcome =
        repository.charge(command("o-7", 1250), chargeRacedByRefund, "evt-c", NOW);

    assertThat(outcome).isEqualTo(new ChargeOutcome.LostToRefund("ch_7"));
    assertThat(repository.find("acme", "o-7")).contains(Charge.voided("acme", "o-7"));
    assertThat(local.outbox()).isEmpty();
  }

  @Test
  void aChargeRacedByItsOwnDuplicate_answersTheWinnersCharge() {
    Supplier<String> chargeRacedByDuplicate =
        () -> {
          charge("o-8", "ch_8", "evt-1");
          return "ch_8";
        };

    ChargeOutcome outcome =
        repository.charge(command("o-8", 1250), chargeRacedByDuplicate, "evt-2", NOW);

    assertThat(outcome).isEqualTo(new ChargeOutcome.Charged("ch_8"));
    assertThat(local.outbox()).hasSize(1);
  }

  @Test
  void tenants_neverSeeEachOthersCharges() {
    charge("o-9", "ch_9", "evt-1");

    assertThat(repository.find("globex", "o-9")).isEmpty();
    assertThat(
            repository.refund(
                new RefundPayment("globex", "o-9", "o-9/ChargePayment", "c"),
                refunder(),
                "evt-2",
                NOW))
        .isFalse();
    assertThat(refunds).hasValue(0);
    assertThat(repository.find("acme", "o-9").orElseThrow().status())
        .isEqualTo(Charge.Status.CHARGED);
  }
}
