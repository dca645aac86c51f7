package dev.orderly.inventory.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderly.lambda.saga.OutOfStock;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The service's mapping of outcomes to the saga's errors, over a scripted in-memory repository. */
class InventoryServiceTest {
  private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");
  private static final ReserveStock COMMAND =
      new ReserveStock(
          "acme", "order-1", "order-1/ReserveStock", "c", List.of(new StockLine("A", 1)));

  /** Answers reserve with a scripted outcome and records what it was asked. */
  private static final class ScriptedRepository implements InventoryRepository {
    private final ReserveOutcome outcome;
    private final List<String> calls = new ArrayList<>();

    ScriptedRepository(ReserveOutcome outcome) {
      this.outcome = outcome;
    }

    @Override
    public ReserveOutcome reserve(
        ReserveStock command, String reservationId, String eventId, Instant now) {
      calls.add("reserve " + reservationId + " " + eventId + " " + now);
      return outcome;
    }

    @Override
    public boolean release(ReleaseStock command, String eventId, Instant now) {
      calls.add("release " + eventId + " " + now);
      return true;
    }

    @Override
    public StockLevel setStock(SetStock command, Instant now) {
      return new StockLevel(command.sku(), command.available(), 0);
    }

    @Override
    public Optional<StockLevel> stock(String tenantId, String sku) {
      return Optional.empty();
    }

    @Override
    public Optional<Reservation> reservation(String tenantId, String orderId) {
      return Optional.empty();
    }
  }

  private static InventoryService service(InventoryRepository repository) {
    AtomicInteger ids = new AtomicInteger();
    return new InventoryService(
        repository, Clock.fixed(NOW, ZoneOffset.UTC), () -> "id-" + ids.incrementAndGet());
  }

  @Test
  void reserved_answersTheReservationIdWithInjectedIdsAndTime() {
    ScriptedRepository repository = new ScriptedRepository(new ReserveOutcome.Reserved("res-9"));

    assertThat(service(repository).reserve(COMMAND)).isEqualTo("res-9");
    assertThat(repository.calls).containsExactly("reserve id-1 id-2 " + NOW);
  }

  @Test
  void shortStock_isOutOfStockNamingTheSkus() {
    ScriptedRepository repository =
        new ScriptedRepository(new ReserveOutcome.Short(List.of("A", "C")));

    assertThatThrownBy(() -> service(repository).reserve(COMMAND))
        .isInstanceOfSatisfying(
            OutOfStock.class, e -> assertThat(e.skus()).containsExactly("A", "C"))
        .hasMessage("OUT_OF_STOCK: not enough stock for A, C");
  }

  @Test
  void aClosedReservation_isReportedAsSuch() {
    ScriptedRepository repository = new ScriptedRepository(new ReserveOutcome.Closed());

    assertThatThrownBy(() -> service(repository).reserve(COMMAND))
        .isInstanceOf(ReservationClosedException.class)
        .hasMessageContaining("order-1");
  }

  @Test
  void aShortOutcome_namesAtLeastOneSku() {
    assertThatThrownBy(() -> new ReserveOutcome.Short(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
