package dev.orderly.payments.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import dev.orderly.dynamodb.DynamoDbEngineExtension;
import dev.orderly.lambda.config.ConfigurationException;
import dev.orderly.lambda.config.Environment;
import dev.orderly.lambda.saga.PaymentDeclined;
import dev.orderly.lambda.saga.TransientFailure;
import dev.orderly.payments.LocalPayments;
import dev.orderly.payments.MutableClock;
import dev.orderly.payments.domain.Charge;
import dev.orderly.payments.persistence.DynamoDbPaymentRepository;
import dev.orderly.payments.provider.LocalPaymentProvider;
import dev.orderly.payments.wiring.DaggerChargePaymentComponent;
import dev.orderly.payments.wiring.DaggerRefundPaymentComponent;
import dev.orderly.payments.wiring.ProviderModule;
import dev.orderly.payments.wiring.SourcesModule;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * ChargePayment and RefundPayment from their event files, through the real Dagger components wired
 * to the engine and sharing one local provider, whose counters say how often money moved.
 */
class SagaTasksHandlerTest {
  @RegisterExtension static final DynamoDbEngineExtension ENGINE = new DynamoDbEngineExtension();
  private static final String ORDER_A = "01J9ZK3M4N5P6Q7R8S9T0V1PA";

  private final MutableClock clock = new MutableClock(Instant.parse("2026-05-01T10:00:00Z"));
  private final LocalPaymentProvider provider = new LocalPaymentProvider();
  private final AtomicInteger sequence = new AtomicInteger();
  private final Supplier<String> ids = () -> "evt-" + sequence.incrementAndGet();
  private LocalPayments local;
  private DynamoDbPaymentRepository repository;
  private ChargePaymentHandler charge;
  private RefundPaymentHandler refund;

  @BeforeEach
  void setUp() {
    local = new LocalPayments(ENGINE.engine());
    repository = local.repository(clock);
    charge =
        new ChargePaymentHandler(
            DaggerChargePaymentComponent.builder()
                .environment(local.environment())
                .sourcesModule(new SourcesModule(clock, ids))
                .providerModule(new ProviderModule(provider))
                .build());
    refund =
        new RefundPaymentHandler(
            DaggerRefundPaymentComponent.builder()
                .environment(local.environment())
                .sourcesModule(new SourcesModule(clock, ids))
                .providerModule(new ProviderModule(provider))
                .build());
  }

  /** A task input as the Lambda runtime deserialises it for a {@code Map} handler. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> task(String file) {
    return EventLoader.loadEvent("events/" + file, Map.class);
  }

  @Test
  void chargePayment_chargesOnceAndRecordsTheCharge() {
    Map<String, Object> result =
        charge.handleRequest(task("stepfunctions_charge-payment.json"), null);

    assertThat(result).containsOnlyKeys("chargeId");
    String chargeId = (String) result.get("chargeId");
    assertThat(provider.charges()).isEqualTo(1);
    assertThat(repository.find("acme", ORDER_A))
        .contains(new Charge("acme", ORDER_A, chargeId, 4998, "EUR", Charge.Status.CHARGED));
    assertThat(local.outbox())
        .singleElement()
        .satisfies(e -> assertThat(e.get("detail").s()).contains("\"eventId\":\"evt-1\""));
  }

  @Test
  void chargePayment_deliveredTwice_chargesOnceAndAnswersTheSame() {
    Map<String, Object> input = task("stepfunctions_charge-payment.json");

    Map<String, Object> first = charge.handleRequest(input, null);
    Map<String, Object> second = charge.handleRequest(input, null);

    assertThat(second).isEqualTo(first);
    assertThat(provider.charges()).isEqualTo(1);
    assertThat(provider.chargeCalls()).isEqualTo(1);
    assertThat(local.outbox()).hasSize(1);
  }

  @Test
  void chargePayment_recordedButTheAnswerLost_isTransient_andTheRetryReplaysTheCharge() {
    Map<String, Object> input = task("stepfunctions_charge-payment.json");
    ENGINE.engine().loseResponses("TransactWriteItems", 100);
    try {
      assertThatThrownBy(() -> charge.handleRequest(input, null))
          .isInstanceOf(TransientFailure.class);
    } finally {
      ENGINE.engine().loseResponses("TransactWriteItems", 0);
    }
    Charge recorded = repository.find("acme", ORDER_A).orElseThrow();

    Map<String, Object> retried = charge.handleRequest(input, null);

    assertThat(retried).isEqualTo(Map.of("chargeId", recorded.chargeId()));
    assertThat(provider.charges()).isEqualTo(1);
    assertThat(local.outbox()).hasSize(1);
  }

  @Test
  void chargePayment_declined_isPaymentDeclinedAfterOneCall() {
    assertThatThrownBy(
            () -> charge.handleRequest(task("stepfunctions_charge-payment_declined.json"), null))
        .isInstanceOfSatisfying(
            PaymentDeclined.class, e -> assertThat(e.reason()).isEqualTo("card_declined"));
    assertThat(provider.chargeCalls()).isEqualTo(1);
    assertThat(local.outbox()).isEmpty();
  }

  @Test
  void chargePayment_throughAShortOutage_chargesWithinItsRetries() {
    Map<String, Object> result =
        charge.handleRequest(task("stepfunctions_charge-payment_outage.json"), null);

    assertThat(result).containsKey("chargeId");
    assertThat(provider.attempts("01J9ZK3M4N5P6Q7R8S9T0V1PC/ChargePayment")).isEqualTo(3);
    assertThat(provider.charges()).isEqualTo(1);
  }

  @Test
  void chargePayment_providerDown_isATransientFailure_andOpensTheCircuitWhenItPersists() {
    Map<String, Object> down = task("stepfunctions_charge-payment_provider-down.json");

    assertThatThrownBy(() -> charge.handleRequest(down, null)).isInstanceOf(TransientFailure.class);
    assertThat(provider.chargeCalls()).isEqualTo(3);
    assertThatThrownBy(() -> charge.handleRequest(down, null))
        .isInstanceOf(TransientFailure.class)
        .hasCauseInstanceOf(CallNotPermittedException.class);
    int calls = provider.chargeCalls();

    assertThatThrownBy(() -> charge.handleRequest(task("stepfunctions_charge-payment.json"), null))
        .isInstanceOf(TransientFailure.class);
    assertThat(provider.chargeCalls()).isEqualTo(calls);

    clock.advance(Duration.ofSeconds(31));
    assertThat(charge.handleRequest(task("stepfunctions_charge-payment.json"), null))
        .containsKey("chargeId");
    assertThat(provider.charges()).isEqualTo(1);
  }

  @Test
  void chargePayment_malformedPayload_failsNamingTheField() {
    assertThatThrownBy(
            () -> charge.handleRequest(task("stepfunctions_charge-payment_malformed.json"), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("amount must be an integer");
    assertThat(provider.chargeCalls()).isZero();
  }

  @Test
  void refundPayment_afterCharge_refundsOnceEvenWhenDeliveredTwice() {
    Map<String, Object> charged =
        charge.handleRequest(task("stepfunctions_charge-payment.json"), null);

    Map<String, Object> first =
        refund.handleRequest(task("stepfunctions_refund-payment.json"), null);
    Map<String, Object> second =
        refund.handleRequest(task("stepfunctions_refund-payment.json"), null);

    assertThat(first).isEqualTo(Map.of("refunded", true));
    assertThat(second).isEqualTo(first);
    assertThat(provider.refunds()).isEqualTo(1);
    assertThat(provider.refundCalls()).isEqualTo(1);
    assertThat(provider.isRefunded((String) charged.get("chargeId"))).isTrue();
    assertThat(repository.find("acme", ORDER_A).orElseThrow().status())
        .isEqualTo(Charge.Status.REFUNDED);
  }

  @Test
  void refundPayment_ofAChargeThatNeverHappened_isANoOp() {
    Map<String, Object> result =
        refund.handleRequest(task("stepfunctions_refund-payment.json"), null);

    assertThat(result).isEqualTo(Map.of("refunded", false));
    assertThat(provider.refundCalls()).isZero();
    assertThat(local.outbox()).isEmpty();
  }

  @Test
  void refundPayment_afterADecline_isANoOp() {
    assertThatThrownBy(
            () -> charge.handleRequest(task("stepfunctions_charge-payment_declined.json"), null))
        .isInstanceOf(PaymentDeclined.class);

    assertThat(refund.handleRequest(task("stepfunctions_charge-payment_declined.json"), null))
        .isEqualTo(Map.of("refunded", false));
    assertThat(provider.refundCalls()).isZero();
  }

  @Test
  void refundPayment_malformedPayload_failsNamingTheField() {
    assertThatThrownBy(
            () -> refund.handleRequest(task("stepfunctions_refund-payment_malformed.json"), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("requestId must be a non-blank string");
  }

  @Test
  void theConfiguredLocalProvider_isUsedWhenNoneIsHandedIn() {
    ChargePaymentHandler configured =
        new ChargePaymentHandler(
            DaggerChargePaymentComponent.builder().environment(local.environment()).build());

    assertThat(configured.handleRequest(task("stepfunctions_charge-payment.json"), null))
        .containsKey("chargeId");
  }

  @Test
  void anUnknownProvider_failsAtStartNamingTheVariable() {
    Map<String, String> variables = new HashMap<>(local.variables());
    variables.put("PAYMENT_PROVIDER", "stripe");

    assertThatThrownBy(
            () ->
                new ChargePaymentHandler(
                    DaggerChargePaymentComponent.builder()
                        .environment(Environment.of(variables))
                        .build()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("PAYMENT_PROVIDER");
  }
}
