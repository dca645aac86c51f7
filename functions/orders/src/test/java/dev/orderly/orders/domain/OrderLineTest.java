package dev.orderly.orders.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OrderLineTest {

  @ParameterizedTest(name = "quantity {0}, unitPrice {1} -> valid {2}")
  @CsvSource({
    "0, 1, false",
    "1, 1, true",
    "1000, 1, true",
    "1001, 1, false",
    "-1, 1, false",
    "1, 0, false",
    "1, -5, false",
    "1, 100000000, true",
    "1, 100000001, false",
    "1, 9223372036854775807, false",
  })
  void line_acceptsOnlyQuantitiesAndPricesWithinTheLimits(
      int quantity, long unitPrice, boolean valid) {
    if (valid) {
      assertThat(new OrderLine("SKU-1", quantity, unitPrice).quantity()).isEqualTo(quantity);
    } else {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> new OrderLine("SKU-1", quantity, unitPrice));
    }
  }

  @ParameterizedTest(name = "sku ''{0}'' -> valid {1}")
  @CsvSource(
      value = {"'',false", "'   ',false", "A,true", "NULL,false"},
      nullValues = "NULL")
  void line_refusesBlankSkus(String sku, boolean valid) {
    if (valid) {
      assertThat(new OrderLine(sku, 1, 1).sku()).isEqualTo(sku);
    } else {
      assertThatIllegalArgumentException().isThrownBy(() -> new OrderLine(sku, 1, 1));
    }
  }

  @ParameterizedTest(name = "sku of {0} characters -> valid {1}")
  @CsvSource({"64, true", "65, false"})
  void line_boundsSkuLength(int length, boolean valid) {
    String sku = "S".repeat(length);
    if (valid) {
      assertThat(new OrderLine(sku, 1, 1).sku()).hasSize(length);
    } else {
      assertThatIllegalArgumentException().isThrownBy(() -> new OrderLine(sku, 1, 1));
    }
  }

  @ParameterizedTest(name = "{0} x {1} = {2}")
  @CsvSource({"1, 1, 1", "3, 250, 750", "1000, 100000000, 100000000000"})
  void lineTotal_isQuantityTimesUnitPrice(int quantity, long unitPrice, long total) {
    assertThat(new OrderLine("SKU-1", quantity, unitPrice).lineTotal()).isEqualTo(total);
  }
}
