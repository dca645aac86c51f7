package dev.orderly.localcloud.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderly.localcloud.cloud.CloudSettings;
import dev.orderly.localcloud.cloud.LocalCloud;
import dev.orderly.localcloud.cloud.Ports;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@code orderly demo} on a small plan: every kind of order, every invariant checked against the
 * running cloud, and the summary printed. The saga's timers run 50 times faster (the provider that
 * stays down would otherwise hold the test for its real back-off); everything else is as the
 * command runs it.
 */
class DemoTest {
  private static final int ORDERS = 120;

  @Test
  void aDemoWithEveryKindOfOrder_holdsEveryInvariantAndPrintsTheSummary() throws Exception {
    // given
    DemoPlan plan = planWithEveryKind();
    Path state = Files.createTempDirectory("orderly-demo");
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    Outcome outcome;
    try (LocalCloud cloud =
        LocalCloud.start(
            CloudSettings.of(Path.of(System.getProperty("orderly.repository")))
                .withStateDirectory(state)
                .withPorts(Ports.ephemeral())
                .withParameters(Demo.LOAD_TEST)
                .withTimeScale(50),
            mail -> {})) {

      // when
      outcome =
          new Demo(
                  cloud.demoCloud(),
                  new PrintStream(printed, true, StandardCharsets.UTF_8),
                  8,
                  Duration.ofMinutes(2))
              .run(plan);
    }

    // then
    String summary = printed.toString(StandardCharsets.UTF_8);
    assertThat(outcome.checks())
        .as(summary)
        .hasSize(8)
        .allSatisfy(check -> assertThat(check.held()).as(check + "\n" + summary).isTrue());
    assertThat(outcome.orders()).isEqualTo(ORDERS);
    assertThat(outcome.cancelledByReason())
        .containsKeys("OUT_OF_STOCK", "PAYMENT_DECLINED", "SERVICE_UNAVAILABLE");
    // each fault-injected order's function failed exactly once, and a failed confirmation's charge
    // was refunded
    assertThat(outcome.functions().get("orderly-dev-reserve-stock").injectedErrors())
        .isEqualTo(count(plan, OrderKind.RESERVATION_FAILS));
    assertThat(outcome.functions().get("orderly-dev-confirm-order").injectedErrors())
        .isEqualTo(count(plan, OrderKind.CONFIRMATION_FAILS));
    assertThat(outcome.compensations().get("RefundPayment (charge refunded)"))
        .isEqualTo(count(plan, OrderKind.CONFIRMATION_FAILS));
    assertThat(outcome.compensations())
        .hasEntrySatisfying("CancelOrder", n -> assertThat(n).isPositive())
        .hasEntrySatisfying("ReleaseStock (reservation released)", n -> assertThat(n).isPositive())
        .hasEntrySatisfying(
            "RefundPayment (nothing charged: voided)", n -> assertThat(n).isPositive());
    assertThat(outcome.duplicatesSuppressed())
        .hasEntrySatisfying(
            "client retries answered from the Idempotency-Key record",
            n -> assertThat(n).isPositive())
        .hasEntrySatisfying(
            "OrderPlaced delivered again (no second saga)", n -> assertThat(n).isPositive());
    assertThat(outcome.answered().orders())
        .isEqualTo(plan.orders().stream().filter(o -> o.kind() != OrderKind.DOWN).count());
    assertThat(summary)
        .contains(
            "fault injection: ConfirmOrderFunction fails once",
            "fault injection: ReserveStockFunction fails once",
            "throughput",
            "sagas/s for the",
            "functions   ",
            "all invariants held");
  }

  private static long count(DemoPlan plan, OrderKind kind) {
    return plan.orders().stream().filter(o -> o.kind() == kind).count();
  }

  /** The first seed whose plan of {@link #ORDERS} orders holds every kind of order. */
  private static DemoPlan planWithEveryKind() {
    for (long seed = 1; seed < 10_000; seed++) {
      DemoPlan plan = DemoPlan.of(ORDERS, seed);
      Set<OrderKind> kinds = EnumSet.noneOf(OrderKind.class);
      plan.orders().forEach(o -> kinds.add(o.kind()));
      if (kinds.equals(EnumSet.allOf(OrderKind.class))) {
        return plan;
      }
    }
    throw new AssertionError("no seed below 10,000 plans every kind of order");
  }
}
