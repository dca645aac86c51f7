package dev.orderly.payments.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChargePaymentTest {

  private static ChargePayment charge(long amount, String currency, String token) {
    return new ChargePayment(
        "acme", "order-1", "order-1/ChargePayment", "corr", "cust-1", amount, currency, token);
  }

  @ParameterizedTest
  @CsvSource({
    "1, USD, tok_ok, ",
    "9223372036854775807, EUR, tok_ok, ",
    "0, USD, tok_ok, amount",
    "-5, USD, tok_ok, amount",
    "100, usd, tok_ok, currency",
    "100, US, tok_ok, currency",
    "100, USDX, tok_ok, currency",
    "100, USD, '', paymentToken",
    "100, USD, ' ', paymentToken"
  })
  void aCharge_isPositiveMinorUnitsInAnIsoCurrencyWithAToken(
      long amount, String currency, String token, String invalidField) {
    if (invalidField == null) {
      ChargePayment command = charge(amount, currency, token);
      assertThat(command.toRequest())
          .isEqualTo(new ChargeRequest("order-1/ChargePayment", amount, currency, token));
    } else {
      assertThatThrownBy(() -> charge(amount, currency, token))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith(invalidField);
    }
  }

  @ParameterizedTest
  @CsvSource({
    "'', order-1, r, cust, tenantId",
    "acme, 'order 1', r, cust, orderId",
    "acme, order-1, '', cust, requestId",
    "acme, order-1, r, '', customerId"
  })
  void identifiers_areChecked(
      String tenant, String order, String requestId, String customer, String field) {
    assertThatThrownBy(
            () -> new ChargePayment(tenant, order, requestId, "c", customer, 100, "USD", "tok_ok"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(field);
  }

  @Test
  void fingerprint_coversWhatIsChargedButNotTheCorrelationId() {
    ChargePayment first =
        new ChargePayment("acme", "o", "o/ChargePayment", "c1", "cust", 100, "USD", "tok_ok");
    ChargePayment sameOtherCorrelation =
        new ChargePayment("acme", "o", "o/ChargePayment", "c2", "cust", 100, "USD", "tok_ok");
    ChargePayment otherAmount =
        new ChargePayment("acme", "o", "o/ChargePayment", "c1", "cust", 101, "USD", "tok_ok");
    ChargePayment otherCard =
        new ChargePayment("acme", "o", "o/ChargePayment", "c1", "cust", 100, "USD", "tok_other");

    assertThat(first.fingerprint()).isEqualTo(sameOtherCorrelation.fingerprint());
    assertThat(first.fingerprint())
        .isNotEqualTo(otherAmount.fingerprint())
        .isNotEqualTo(otherCard.fingerprint());
  }

  @Test
  void aVoidedPayment_holdsNoCharge() {
    Charge voided = Charge.voided("acme", "order-1");

    assertThat(voided.status()).isEqualTo(Charge.Status.VOIDED);
    assertThatThrownBy(
            () -> new Charge("acme", "order-1", "ch_1", 100, "USD", Charge.Status.VOIDED))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Charge("acme", "order-1", null, 100, "USD", Charge.Status.CHARGED))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Charge("acme", "order-1", "ch_1", 0, "USD", Charge.Status.CHARGED))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
