package dev.orderly.orderviews.domain;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every rule the read model's values enforce, each at its boundary, accepted and refused. */
class DomainRulesTest {
  private static final Instant AT = Instant.parse("2026-05-01T10:00:00Z");
  private static final CancelReason REASON = new CancelReason("OUT_OF_STOCK", "");

  private static Arguments valid(String rule, ThrowingCallable value) {
    return Arguments.of(rule, value, null);
  }

  private static Arguments invalid(String rule, ThrowingCallable value, String message) {
    return Arguments.of(rule, value, message);
  }

  private static StatusChange pending(long version) {
    return new StatusChange(version, OrderStatus.PENDING, AT, Optional.empty());
  }

  private static OrderChange order(String tenant, String orderId, String customerId) {
    return new OrderChange(
        tenant, orderId, customerId, pending(1), Optional.empty(), Optional.of(AT));
  }

  static Stream<Arguments> rules() {
    return Stream.of(
        valid("money: zero total", () -> new Money(0, "EUR")),
        invalid("money: negative total", () -> new Money(-1, "EUR"), "total must not be negative"),
        invalid("money: lower-case currency", () -> new Money(1, "eur"), "currency"),
        invalid("money: four letters", () -> new Money(1, "EURO"), "currency"),
        invalid("money: no currency", () -> new Money(1, null), "currency"),
        valid("status change: version 1", () -> pending(1)),
        invalid("status change: version 0", () -> pending(0), "version must be at least 1"),
        invalid(
            "status change: cancellation without a reason",
            () -> new StatusChange(2, OrderStatus.CANCELLED, AT, Optional.empty()),
            "a reason comes with a cancellation"),
        invalid(
            "status change: confirmation with a reason",
            () -> new StatusChange(2, OrderStatus.CONFIRMED, AT, Optional.of(REASON)),
            "a reason comes with a cancellation"),
        valid(
            "status change: cancellation with a reason",
            () -> new StatusChange(2, OrderStatus.CANCELLED, AT, Optional.of(REASON))),
        invalid("reason: blank code", () -> new CancelReason(" ", "x"), "reason code"),
        valid("tenant: 64 characters", () -> order("a".repeat(64), "o1", "c1")),
        invalid("tenant: 65 characters", () -> order("a".repeat(65), "o1", "c1"), "tenant"),
        invalid("tenant: leading dash", () -> order("-a", "o1", "c1"), "tenant"),
        invalid("tenant: with #", () -> order("a#b", "o1", "c1"), "tenant"),
        valid("order id: 128 characters", () -> order("t1", "o".repeat(128), "c1")),
        invalid("order id: 129 characters", () -> order("t1", "o".repeat(129), "c1"), "orderId"),
        invalid("order id: with #", () -> order("t1", "o#1", "c1"), "orderId"),
        invalid("order id: with a space", () -> order("t1", "o 1", "c1"), "orderId"),
        invalid("order id: empty", () -> order("t1", "", "c1"), "orderId"),
        invalid("customer id: with #", () -> order("t1", "o1", "c#1"), "customerId"),
        invalid(
            "order change: placement without placedAt",
            () -> new OrderChange("t1", "o1", "c1", pending(1), Optional.empty(), Optional.empty()),
            "placedAt comes with the placement"),
        invalid(
            "order change: confirmation with placedAt",
            () ->
                new OrderChange(
                    "t1",
                    "o1",
                    "c1",
                    new StatusChange(2, OrderStatus.CONFIRMED, AT, Optional.empty()),
                    Optional.empty(),
                    Optional.of(AT)),
            "placedAt comes with the placement"),
        valid(
            "customer: 200-character name",
            () -> new CustomerChange("t1", "u1", "n".repeat(200), 1)),
        invalid(
            "customer: 201-character name",
            () -> new CustomerChange("t1", "u1", "n".repeat(201), 1),
            "name must be 1 to 200"),
        invalid("customer: blank name", () -> new CustomerChange("t1", "u1", " ", 1), "name"),
        invalid(
            "customer: version 0",
            () -> new CustomerChange("t1", "u1", "Ada", 0),
            "version must be at least 1"),
        valid("page size: 1", () -> new PageSize(1)),
        valid("page size: 100", () -> new PageSize(100)),
        invalid("page size: 0", () -> new PageSize(0), "between 1 and 100"),
        invalid("page size: 101", () -> new PageSize(101), "between 1 and 100"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void rule(String rule, ThrowingCallable value, String message) {
    if (message == null) {
      assertThatCode(value).doesNotThrowAnyException();
    } else {
      assertThatThrownBy(value)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(message);
    }
  }
}
