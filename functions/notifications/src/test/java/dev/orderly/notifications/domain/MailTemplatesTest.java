package dev.orderly.notifications.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MailTemplatesTest {
  private static final Customer ALICE =
      new Customer("acme", "u-1", "alice@example.com", "Alice", 1);
  private static final EventMetadata META = new EventMetadata("X", "ev-1", "acme", "c");

  @ParameterizedTest
  @CsvSource({
    "12345, EUR, 123.45 EUR",
    "1, EUR, 0.01 EUR",
    "0, USD, 0.00 USD",
    "100, EUR, 1.00 EUR",
    "500, JPY, 500 JPY",
    "1234, BHD, 1.234 BHD",
    "9223372036854775807, EUR, 92233720368547758.07 EUR"
  })
  void money_usesTheCurrencysDecimals(long minor, String currency, String shown) {
    assertThat(MailTemplates.money(minor, currency)).isEqualTo(shown);
  }

  @Test
  void money_refusesAnUnknownCurrency() {
    assertThatThrownBy(() -> MailTemplates.money(1, "XYZ"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @CsvSource({
    "OUT_OF_STOCK, some of the items are out of stock",
    "PAYMENT_DECLINED, the payment was declined",
    "INTERNAL_ERROR, it could not be completed",
    "SOMETHING_NEW, it could not be completed"
  })
  void reason_isASentenceForTheCustomer(String code, String sentence) {
    assertThat(MailTemplates.reason(code)).isEqualTo(sentence);
  }

  @Test
  void welcome_greetsByNameAtTheRegisteredAddress() {
    EmailMessage mail = MailTemplates.welcome(ALICE);

    assertThat(mail.to()).isEqualTo("alice@example.com");
    assertThat(mail.subject()).isEqualTo("Welcome to Orderly, Alice");
    assertThat(mail.body()).startsWith("Hello Alice,").contains("alice@example.com");
  }

  @Test
  void orderMails_nameTheOrderAndTheAmountOrReason() {
    EmailMessage confirmed =
        MailTemplates.orderConfirmed(
            new InboundEvent.OrderConfirmed(META, "o-7", "u-1", 2500, "GBP"), ALICE);
    EmailMessage cancelled =
        MailTemplates.orderCancelled(
            new InboundEvent.OrderCancelled(META, "o-8", "u-1", "OUT_OF_STOCK"), ALICE);

    assertThat(confirmed.subject()).isEqualTo("Your order o-7 is confirmed");
    assertThat(confirmed.body()).contains("order o-7 for 25.00 GBP");
    assertThat(cancelled.subject()).isEqualTo("Your order o-8 was cancelled");
    assertThat(cancelled.body()).contains("because some of the items are out of stock");
  }
}
