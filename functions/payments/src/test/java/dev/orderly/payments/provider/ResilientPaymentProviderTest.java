package dev.orderly.payments.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderly.lambda.saga.TransientFailure;
import dev.orderly.payments.MutableClock;
import dev.orderly.payments.domain.ChargeRequest;
import dev.orderly.payments.domain.ChargeResult;
import dev.orderly.payments.domain.PaymentProviderUnavailableException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Retry and circuit breaker around the local provider, with waits of zero and a hand-moved clock.
 */
class ResilientPaymentProviderTest {
  private final LocalPaymentProvider local = new LocalPaymentProvider();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-05-01T10:00:00Z"));
  private final ResilientPaymentProvider provider =
      new ResilientPaymentProvider(
          local,
          new ResilienceSettings(3, Duration.ZERO, Duration.ZERO, 50, 4, 4, Duration.ofSeconds(30)),
          clock,
          () -> 0.5);

  private static ChargeRequest request(String key, String token) {
    return new ChargeRequest(key, 1250, "EUR", token);
  }

  @Test
  void anOutageShorterThanTheAttempts_isRiddenOut() {
    ChargeResult result = provider.charge(request("o-1", "tok_outage_2"));

    assertThat(result).isInstanceOf(ChargeResult.Charged.class);
    assertThat(local.attempts("o-1")).isEqualTo(3);
    assertThat(local.charges()).isEqualTo(1);
  }

  @Test
  void anOutageLongerThanTheAttempts_isATransientFailure_andTheSagasRetryThenCharges() {
    assertThatThrownBy(() -> provider.charge(request("o-1", "tok_outage_3")))
        .isInstanceOf(TransientFailure.class)
        .hasCauseInstanceOf(PaymentProviderUnavailableException.class);
    assertThat(local.attempts("o-1")).isEqualTo(3);

    assertThat(provider.charge(request("o-1", "tok_outage_3")))
        .isInstanceOf(ChargeResult.Charged.class);
    assertThat(local.charges()).isEqualTo(1);
  }

  @Test
  void aDecline_isAnsweredAndNeverRetried() {
    ChargeResult result = provider.charge(request("o-1", "tok_decline"));

    assertThat(result).isEqualTo(new ChargeResult.Declined("card_declined"));
    assertThat(local.chargeCalls()).isEqualTo(1);
    assertThat(provider.circuit()).isEqualTo(CircuitBreaker.State.CLOSED);
  }

  @Test
  void anythingButUnavailability_isNotRetried() {
    provider.charge(request("o-1", "tok_ok"));

    assertThatThrownBy(() -> provider.charge(new ChargeRequest("o-1", 1, "EUR", "tok_ok")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(local.chargeCalls()).isEqualTo(2);
  }

  @Test
  void repeatedFailures_openTheCircuit_whichFailsFastWithoutCallingTheProvider() {
    assertThatThrownBy(() -> provider.charge(request("o-1", "tok_down")))
        .isInstanceOf(TransientFailure.class);
    assertThat(provider.circuit()).isEqualTo(CircuitBreaker.State.CLOSED);
    assertThatThrownBy(() -> provider.charge(request("o-2", "tok_down")))
        .isInstanceOf(TransientFailure.class)
        .hasCauseInstanceOf(CallNotPermittedException.class);
    assertThat(provider.circuit()).isEqualTo(CircuitBreaker.State.OPEN);
    int calls = local.chargeCalls();

    assertThatThrownBy(() -> provider.charge(request("o-3", "tok_ok")))
        .isInstanceOf(TransientFailure.class)
        .hasMessage("the payment provider's circuit is open");
    assertThat(local.chargeCalls()).isEqualTo(calls).isEqualTo(4);
    assertThatThrownBy(() -> provider.refund("ch_local_1", "o-3"))
        .isInstanceOf(TransientFailure.class);
    assertThat(local.refundCalls()).isZero();
  }

  @Test
  void anOpenCircuit_letsATrialThroughAfterItsOpenTime_andClosesOnSuccess() {
    for (String key : new String[] {"o-1", "o-2"}) {
      assertThatThrownBy(() -> provider.charge(request(key, "tok_down")))
          .isInstanceOf(TransientFailure.class);
    }
    assertThat(provider.circuit()).isEqualTo(CircuitBreaker.State.OPEN);

    clock.advance(Duration.ofSeconds(29));
    assertThatThrownBy(() -> provider.charge(request("o-3", "tok_ok")))
        .isInstanceOf(TransientFailure.class);
    clock.advance(Duration.ofSeconds(2));

    assertThat(provider.charge(request("o-3", "tok_ok"))).isInstanceOf(ChargeResult.Charged.class);
    assertThat(provider.circuit()).isEqualTo(CircuitBreaker.State.CLOSED);
  }
}
