package dev.orderly.inventory.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ReserveStockTest {

  private static ReserveStock reserve(List<StockLine> lines) {
    return new ReserveStock("acme", "order-1", "order-1/ReserveStock", "corr-1", lines);
  }

  @Test
  void linesOfOneSku_areMergedInTheOrderSkusFirstAppear() {
    ReserveStock command =
        reserve(
            List.of(
                new StockLine("B-2", 1),
                new StockLine("A-1", 2),
                new StockLine("B-2", 3),
                new StockLine("C-3", 1),
                new StockLine("A-1", 5)));

    assertThat(command.lines())
        .containsExactly(new StockLine("B-2", 4), new StockLine("A-1", 7), new StockLine("C-3", 1));
  }

  @ParameterizedTest
  @CsvSource({"1, true", "50, true", "0, false", "51, false"})
  void anOrder_hasOneToFiftyLines(int count, boolean valid) {
    List<StockLine> lines = Collections.nCopies(count, new StockLine("SKU-1", 1));

    if (valid) {
      assertThat(reserve(lines).lines()).containsExactly(new StockLine("SKU-1", count));
    } else {
      assertThatThrownBy(() -> reserve(lines))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("an order has 1 to 50 lines: " + count);
    }
  }

  @ParameterizedTest
  @CsvSource({"1, true", "1000000, true", "0, false", "-1, false", "1000001, false"})
  void aLineQuantity_isPositiveAndAtMostTheLargestStock(int quantity, boolean valid) {
    if (valid) {
      assertThat(new StockLine("SKU-1", quantity).quantity()).isEqualTo(quantity);
    } else {
      assertThatThrownBy(() -> new StockLine("SKU-1", quantity))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("quantity of SKU-1 must be between 1 and 1000000: " + quantity);
    }
  }

  @Test
  void mergedLinesAboveTheLargestStock_areRefused() {
    List<StockLine> lines =
        List.of(new StockLine("SKU-1", 600_000), new StockLine("SKU-1", 400_001));

    assertThatThrownBy(() -> reserve(lines)).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "A",
        "sku-1",
        "SKU_2.b",
        "0123456789012345678901234567890123456789012345678901234567890123"
      })
  void validSkus_areAccepted(String sku) {
    assertThat(Ids.validSku(sku)).isTrue();
    assertThat(new StockLine(sku, 1).sku()).isEqualTo(sku);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        " ",
        "-leading-dash",
        "has space",
        "hash#inside",
        "01234567890123456789012345678901234567890123456789012345678901234"
      })
  void malformedSkus_areRefused(String sku) {
    assertThat(Ids.validSku(sku)).isFalse();
    assertThatThrownBy(() -> new StockLine(sku, 1)).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @CsvSource({
    "'', order-1, order-1/ReserveStock, tenantId",
    "bad tenant, order-1, order-1/ReserveStock, tenantId",
    "acme, '', order-1/ReserveStock, orderId",
    "acme, order/1, order-1/ReserveStock, orderId",
    "acme, order-1, ' ', requestId"
  })
  void identifiers_areChecked(String tenant, String order, String requestId, String field) {
    List<StockLine> lines = List.of(new StockLine("SKU-1", 1));

    assertThatThrownBy(() -> new ReserveStock(tenant, order, requestId, "c", lines))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(field);
  }

  @Test
  void fingerprint_coversTenantOrderAndMergedLinesButNotTheCorrelationId() {
    ReserveStock first =
        new ReserveStock(
            "acme",
            "order-1",
            "r",
            "corr-1",
            List.of(new StockLine("A", 1), new StockLine("A", 1)));
    ReserveStock sameMerged =
        new ReserveStock("acme", "order-1", "r", "corr-2", List.of(new StockLine("A", 2)));
    ReserveStock otherQuantity =
        new ReserveStock("acme", "order-1", "r", "corr-1", List.of(new StockLine("A", 3)));
    ReserveStock otherTenant =
        new ReserveStock("other", "order-1", "r", "corr-1", List.of(new StockLine("A", 2)));

    assertThat(first.fingerprint()).isEqualTo(sameMerged.fingerprint());
    assertThat(first.fingerprint())
        .isNotEqualTo(otherQuantity.fingerprint())
        .isNotEqualTo(otherTenant.fingerprint());
  }
}
