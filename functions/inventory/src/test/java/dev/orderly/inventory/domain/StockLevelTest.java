package dev.orderly.inventory.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StockLevelTest {

  @ParameterizedTest
  @CsvSource({"0, true", "1000000, true", "-1, false", "1000001, false"})
  void setStock_acceptsZeroToOneMillion(int available, boolean valid) {
    if (valid) {
      assertThat(new SetStock("acme", "SKU-1", available).available()).isEqualTo(available);
    } else {
      assertThatThrownBy(() -> new SetStock("acme", "SKU-1", available))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("available must be between 0 and 1000000: " + available);
    }
  }

  @ParameterizedTest
  @CsvSource({"-1, 0, available", "0, -1, reserved"})
  void stockLevels_areNeverNegative(long available, long reserved, String field) {
    assertThatThrownBy(() -> new StockLevel("SKU-1", available, reserved))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(field);
  }

  @Test
  void aClosedReservation_holdsNothing() {
    Reservation closed = Reservation.closed("acme", "order-1");

    assertThat(closed.holdsStock()).isFalse();
    assertThat(closed.lines()).isEmpty();
    assertThatThrownBy(
            () ->
                new Reservation(
                    "acme",
                    "order-1",
                    null,
                    Reservation.Status.CLOSED,
                    List.of(new StockLine("A", 1))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @CsvSource({"RESERVED, true", "RELEASED, false"})
  void onlyAReservedReservation_holdsStock(Reservation.Status status, boolean holds) {
    Reservation reservation =
        new Reservation("acme", "order-1", "res-1", status, List.of(new StockLine("A", 1)));

    assertThat(reservation.holdsStock()).isEqualTo(holds);
  }

  @Test
  void anOpenReservation_needsAnIdAndLines() {
    assertThatThrownBy(
            () ->
                new Reservation("acme", "order-1", "res-1", Reservation.Status.RESERVED, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new Reservation(
                    "acme",
                    "order-1",
                    null,
                    Reservation.Status.RESERVED,
                    List.of(new StockLine("A", 1))))
        .isInstanceOf(NullPointerException.class);
  }
}
