package dev.orderly.orders.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The saga tasks' rule: only PENDING moves; the same end again is a no-op; the other end refuses.
 */
class TransitionTest {
  private static final Instant PLACED = Instant.parse("2026-05-01T10:00:00Z");
  private static final Instant LATER = Instant.parse("2026-05-01T10:00:05Z");
  private static final CancellationReason OUT_OF_STOCK =
      new CancellationReason("OUT_OF_STOCK", "SKU-1");

  private static Order pending() {
    return Order.placed(
        new PlaceOrder(
            "tenant-a", "corr-1", "cust-1", "EUR", "tok_ok", List.of(new OrderLine("A", 2, 500))),
        "order-1",
        PLACED);
  }

  private static Order in(OrderStatus status) {
    Order order = pending();
    return switchTo(order, status);
  }

  private static Order switchTo(Order order, OrderStatus status) {
    if (status == OrderStatus.CONFIRMED) {
      return order.confirmed(PLACED);
    }
    if (status == OrderStatus.CANCELLED) {
      return order.cancelled(OUT_OF_STOCK, PLACED);
    }
    return order;
  }

  private static Transition transition(String name) {
    return name.equals("confirm")
        ? new Transition.Confirm()
        : new Transition.Cancel(new CancellationReason("PAYMENT_DECLINED", "card declined"));
  }

  @ParameterizedTest(name = "{1} on {0} -> {2}")
  @CsvSource({
    "PENDING, confirm, Apply",
    "PENDING, cancel, Apply",
    "CONFIRMED, confirm, AlreadyDone",
    "CANCELLED, cancel, AlreadyDone",
    "CANCELLED, confirm, OrderAlreadyCancelled",
    "CONFIRMED, cancel, OrderAlreadyConfirmed",
  })
  void decide_followsTheStateRule(OrderStatus status, String task, String expected) {
    Order current = in(status);
    Transition transition = transition(task);

    if (expected.startsWith("Order")) {
      assertThatThrownBy(() -> transition.decide(Optional.of(current), "order-1", LATER))
          .isInstanceOf(OrderTransitionRefused.class)
          .hasMessageContaining("order-1")
          .extracting(e -> e.getClass().getSimpleName())
          .isEqualTo(expected);
    } else {
      Decision decision = transition.decide(Optional.of(current), "order-1", LATER);
      assertThat(decision.getClass().getSimpleName()).isEqualTo(expected);
    }
  }

  @Test
  void confirm_movesPendingToConfirmedAtTheNextVersion() {
    Decision decision = new Transition.Confirm().decide(Optional.of(pending()), "order-1", LATER);

    Order after = ((Decision.Apply) decision).after();
    assertThat(after.status()).isEqualTo(OrderStatus.CONFIRMED);
    assertThat(after.version()).isEqualTo(2);
    assertThat(after.updatedAt()).isEqualTo(LATER);
    assertThat(after.createdAt()).isEqualTo(PLACED);
    assertThat(after.cancellation()).isEmpty();
    assertThat(decision.result()).isEqualTo(new TaskResult(OrderStatus.CONFIRMED, true));
  }

  @Test
  void cancel_movesPendingToCancelledWithTheReason() {
    Transition cancel = new Transition.Cancel(OUT_OF_STOCK);

    Decision decision = cancel.decide(Optional.of(pending()), "order-1", LATER);

    Order after = ((Decision.Apply) decision).after();
    assertThat(after.status()).isEqualTo(OrderStatus.CANCELLED);
    assertThat(after.version()).isEqualTo(2);
    assertThat(after.cancellation()).contains(OUT_OF_STOCK);
    assertThat(decision.result()).isEqualTo(new TaskResult(OrderStatus.CANCELLED, true));
  }

  @Test
  void cancel_ofNoOrder_succeedsWithNothingFound() {
    Decision decision = new Transition.Cancel(OUT_OF_STOCK).decide(Optional.empty(), "x", LATER);

    assertThat(decision).isEqualTo(new Decision.NoOrder("x"));
    assertThat(decision.result()).isEqualTo(new TaskResult(OrderStatus.CANCELLED, false));
  }

  @Test
  void confirm_ofNoOrder_refuses() {
    assertThatThrownBy(() -> new Transition.Confirm().decide(Optional.empty(), "x", LATER))
        .isInstanceOf(OrderNotFound.class)
        .hasMessageContaining("x");
  }

  @Test
  void alreadyDone_keepsTheOrderAsItIs() {
    Order confirmed = in(OrderStatus.CONFIRMED);

    Decision decision = new Transition.Confirm().decide(Optional.of(confirmed), "order-1", LATER);

    assertThat(decision).isEqualTo(new Decision.AlreadyDone(confirmed));
  }

  @Test
  void placed_isPendingAtVersionOneWithItsTotal() {
    Order order = pending();

    assertThat(order.status()).isEqualTo(OrderStatus.PENDING);
    assertThat(order.version()).isEqualTo(1);
    assertThat(order.total()).isEqualTo(1_000);
    assertThat(order.createdAt()).isEqualTo(order.updatedAt()).isEqualTo(PLACED);
  }
}
