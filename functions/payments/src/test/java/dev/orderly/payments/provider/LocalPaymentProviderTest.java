package dev.orderly.payments.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderly.payments.domain.ChargeRequest;
import dev.orderly.payments.domain.ChargeResult;
import dev.orderly.payments.domain.PaymentProviderUnavailableException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LocalPaymentProviderTest {
  private final LocalPaymentProvider provider = new LocalPaymentProvider();

  private static ChargeRequest request(String key, String token) {
    return new ChargeRequest(key, 1250, "EUR", token);
  }

  /** What each attempt of one key answers: C charged, D declined, U unavailable. */
  private String attempts(String token, int count) {
    StringBuilder answers = new StringBuilder();
    for (int i = 0; i < count; i++) {
      try {
        ChargeResult result = provider.charge(request("key-1", token));
        answers.append(result instanceof ChargeResult.Charged ? 'C' : 'D');
      } catch (PaymentProviderUnavailableException e) {
        answers.append('U');
      }
    }
    return answers.toString();
  }

  @ParameterizedTest
  @CsvSource({
    "tok_ok, CCCC, 1",
    "tok_decline, DDDD, 0",
    "tok_outage_0, CCCC, 1",
    "tok_outage_1, UCCC, 1",
    "tok_outage_3, UUUC, 1",
    "tok_outage_4, UUUU, 0",
    "tok_down, UUUU, 0",
    "tok_unknown, DDDD, 0",
    "tok_outage_x, DDDD, 0"
  })
  void theToken_scriptsEachAttemptOfAKey(String token, String answers, long charged) {
    assertThat(attempts(token, 4)).isEqualTo(answers);
    assertThat(provider.charges()).isEqualTo(charged);
    assertThat(provider.chargeCalls()).isEqualTo(4);
  }

  @Test
  void declines_sayWhy() {
    assertThat(provider.charge(request("k1", "tok_decline")))
        .isEqualTo(new ChargeResult.Declined("card_declined"));
    assertThat(provider.charge(request("k2", "tok_what")))
        .isEqualTo(new ChargeResult.Declined("invalid_token"));
  }

  @Test
  void outages_countPerKey() {
    List<String> answers = new ArrayList<>();
    for (String key : List.of("a", "b", "a", "b")) {
      try {
        provider.charge(request(key, "tok_outage_1"));
        answers.add(key + ":charged");
      } catch (PaymentProviderUnavailableException e) {
        answers.add(key + ":unavailable");
      }
    }

    assertThat(answers).containsExactly("a:unavailable", "b:unavailable", "a:charged", "b:charged");
    assertThat(provider.attempts("a")).isEqualTo(2);
  }

  @Test
  void theSameKey_getsTheSameChargeAndIsChargedOnce() {
    ChargeResult first = provider.charge(request("key-1", "tok_ok"));
    ChargeResult again = provider.charge(request("key-1", "tok_ok"));
    ChargeResult other = provider.charge(request("key-2", "tok_ok"));

    assertThat(again).isEqualTo(first);
    assertThat(other).isNotEqualTo(first);
    assertThat(provider.charges()).isEqualTo(2);
    assertThat(provider.chargeCalls()).isEqualTo(3);
  }

  @Test
  void chargeIds_deriveFromTheKey_soAnotherInstanceAgrees() {
    assertThat(new LocalPaymentProvider().charge(request("key-1", "tok_ok")))
        .isEqualTo(provider.charge(request("key-1", "tok_ok")));
  }

  @Test
  void aKeyReusedForAnotherCharge_isRefused() {
    provider.charge(request("key-1", "tok_ok"));

    assertThatThrownBy(() -> provider.charge(new ChargeRequest("key-1", 999, "EUR", "tok_ok")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(provider.charges()).isEqualTo(1);
  }

  @Test
  void refund_isIdempotentPerKeyAndRefundsACharge_once() {
    String chargeId =
        ((ChargeResult.Charged) provider.charge(request("key-1", "tok_ok"))).chargeId();

    String first = provider.refund(chargeId, "key-1");
    String again = provider.refund(chargeId, "key-1");

    assertThat(again).isEqualTo(first);
    assertThat(provider.refunds()).isEqualTo(1);
    assertThat(provider.refundCalls()).isEqualTo(2);
    assertThat(provider.isRefunded(chargeId)).isTrue();
    assertThatThrownBy(() -> provider.refund(chargeId, "another-key"))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void refund_ofSomethingThatIsNotALocalCharge_isRefused() {
    assertThatThrownBy(() -> provider.refund("ch_stripe_1", "key-1"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(provider.refunds()).isZero();
  }
}
