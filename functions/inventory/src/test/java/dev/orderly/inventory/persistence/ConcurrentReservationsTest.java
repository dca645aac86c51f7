package dev.orderly.inventory.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderly.dynamodb.DynamoDbEngineExtension;
import dev.orderly.inventory.LocalInventory;
import dev.orderly.inventory.domain.ReserveOutcome;
import dev.orderly.inventory.domain.ReserveStock;
import dev.orderly.inventory.domain.SetStock;
import dev.orderly.inventory.domain.StockLevel;
import dev.orderly.inventory.domain.StockLine;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Orders racing for the last units: the conditional decrement never oversells. */
class ConcurrentReservationsTest {
  @RegisterExtension static final DynamoDbEngineExtension ENGINE = new DynamoDbEngineExtension();
  private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");
  private static final int ORDERS = 12;

  @RepeatedTest(3)
  void ordersRacingForTheLastUnits_reserveExactlyWhatIsThere() throws Exception {
    LocalInventory local = new LocalInventory(ENGINE.engine());
    DynamoDbInventoryRepository repository = local.repository(Clock.fixed(NOW, ZoneOffset.UTC));
    repository.setStock(new SetStock("acme", "LAST", 5), NOW);
    repository.setStock(new SetStock("acme", "PLENTY", 1_000), NOW);
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService threads = Executors.newFixedThreadPool(ORDERS);
    List<Future<ReserveOutcome>> results = new ArrayList<>();
    try {
      for (int i = 0; i < ORDERS; i++) {
        String orderId = "race-" + i;
        ReserveStock command =
            new ReserveStock(
                "acme",
                orderId,
                orderId + "/ReserveStock",
                "c",
                List.of(new StockLine("PLENTY", 1), new StockLine("LAST", 1)));
        Callable<ReserveOutcome> reserve =
            () -> {
              start.await();
              return repository.reserve(command, "res-" + orderId, "evt-" + orderId, NOW);
            };
        results.add(threads.submit(reserve));
      }
      start.countDown();
      List<ReserveOutcome> outcomes = new ArrayList<>();
      for (Future<ReserveOutcome> result : results) {
        outcomes.add(result.get(30, TimeUnit.SECONDS));
      }

      assertThat(outcomes).filteredOn(o -> o instanceof ReserveOutcome.Reserved).hasSize(5);
      assertThat(outcomes)
          .filteredOn(o -> !(o instanceof ReserveOutcome.Reserved))
          .hasSize(ORDERS - 5)
          .allMatch(o -> o.equals(new ReserveOutcome.Short(List.of("LAST"))));
      assertThat(repository.stock("acme", "LAST")).contains(new StockLevel("LAST", 0, 5));
      assertThat(repository.stock("acme", "PLENTY")).contains(new StockLevel("PLENTY", 995, 5));
      assertThat(local.outbox()).hasSize(5);
    } finally {
      threads.shutdownNow();
    }
  }
}
