package dev.orderly.orders.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PlaceOrderTest {

  private static List<OrderLine> lines(int count, int quantity, long unitPrice) {
    return IntStream.rangeClosed(1, count)
        .mapToObj(i -> new OrderLine("SKU-" + i, quantity, unitPrice))
        .toList();
  }

  private static PlaceOrder order(String currency, List<OrderLine> lines) {
    return new PlaceOrder("tenant-a", "corr-1", "cust-1", currency, "tok_ok", lines);
  }

  @ParameterizedTest(name = "{0} lines -> valid {1}")
  @CsvSource({"0, false", "1, true", "50, true", "51, false"})
  void order_hasOneToFiftyLines(int count, boolean valid) {
    if (valid) {
      assertThat(order("EUR", lines(count, 1, 1)).lines()).hasSize(count);
    } else {
      assertThatIllegalArgumentException().isThrownBy(() -> order("EUR", lines(count, 1, 1)));
    }
  }

  @ParameterizedTest(name = "currency {0} accepted")
  @ValueSource(strings = {"EUR", "USD", "JPY", "BHD", "CHF"})
  void order_acceptsIsoCurrenciesWithMinorUnits(String currency) {
    assertThat(order(currency, lines(1, 1, 1)).currency()).isEqualTo(currency);
  }

  @ParameterizedTest(name = "currency ''{0}'' refused")
  @ValueSource(strings = {"", "usd", "US", "EURO", "ABC", "XXX", "XTS", "XAU", "E1R", " EUR"})
  void order_refusesWhatIsNotAnIsoCurrencyWithMinorUnits(String currency) {
    assertThatIllegalArgumentException().isThrownBy(() -> order(currency, lines(1, 1, 1)));
  }

  @Test
  void order_refusesTwoLinesOfOneSku() {
    List<OrderLine> twice = List.of(new OrderLine("A", 1, 1), new OrderLine("A", 2, 1));

    assertThatIllegalArgumentException()
        .isThrownBy(() -> order("EUR", twice))
        .withMessageContaining("sku A");
  }

  @Test
  void total_ofTheLargestOrderIsExact() {
    PlaceOrder largest = order("EUR", lines(50, 1000, OrderLimits.MAX_UNIT_PRICE));

    assertThat(largest.total()).isEqualTo(5_000_000_000_000L);
  }

  @Test
  void total_sumsLineTotals() {
    PlaceOrder order =
        order("EUR", List.of(new OrderLine("A", 2, 150), new OrderLine("B", 1, 1_000)));

    assertThat(order.total()).isEqualTo(1_300);
  }

  @ParameterizedTest(name = "customerId ''{0}'', paymentToken ''{1}'' refused")
  @CsvSource({"'', tok", "' ', tok", "cust, ''", "cust, '  '"})
  void order_refusesBlankCustomerOrToken(String customerId, String token) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new PlaceOrder("t", "c", customerId, "EUR", token, lines(1, 1, 1)));
  }

  @Test
  void order_boundsCustomerIdAndTokenLength() {
    assertThat(new PlaceOrder("t", "c", "c".repeat(64), "EUR", "t".repeat(256), lines(1, 1, 1)))
        .isNotNull();
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new PlaceOrder("t", "c", "c".repeat(65), "EUR", "tok", lines(1, 1, 1)));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new PlaceOrder("t", "c", "cust", "EUR", "t".repeat(257), lines(1, 1, 1)));
  }
}
