package dev.orderly.inventory.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderly.dynamodb.DynamoDbEngineExtension;
import dev.orderly.idempotency.IdempotencyPayloadMismatchException;
import dev.orderly.inventory.LocalInventory;
import dev.orderly.inventory.domain.ReleaseStock;
import dev.orderly.inventory.domain.Reservation;
import dev.orderly.inventory.domain.ReserveOutcome;
import dev.orderly.inventory.domain.ReserveStock;
import dev.orderly.inventory.domain.SetStock;
import dev.orderly.inventory.domain.StockLevel;
import dev.orderly.inventory.domain.StockLine;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The repository through the SDK against the in-process engine. */
class DynamoDbInventoryRepositoryTest {
  @RegisterExtension static final DynamoDbEngineExtension ENGINE = new DynamoDbEngineExtension();
  private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");

  private LocalInventory local;
  private DynamoDbInventoryRepository repository;

  @BeforeEach
  void setUp() {
    local = new LocalInventory(ENGINE.engine());
    repository = local.repository(Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private void stock(String tenant, String sku, int available) {
    repository.setStock(new SetStock(tenant, sku, available), NOW);
  }

  private StockLevel level(String tenant, String sku) {
    return repository.stock(tenant, sku).orElseThrow();
  }

  private static ReserveStock order(String orderId, StockLine... lines) {
    return new ReserveStock("acme", orderId, orderId + "/ReserveStock", "corr", List.of(lines));
  }

  private static ReleaseStock release(String orderId) {
    return new ReleaseStock("acme", orderId, orderId + "/ReserveStock", "corr");
  }

  @Test
  void reserve_takesEveryLineAndRecordsTheReservationAndItsEvent() {
    stock("acme", "A", 10);
    stock("acme", "B", 5);

    ReserveOutcome outcome =
        repository.reserve(
            order("o-1", new StockLine("A", 3), new StockLine("B", 5), new StockLine("A", 1)),
            "res-1",
            "evt-1",
            NOW);

    assertThat(outcome).isEqualTo(new ReserveOutcome.Reserved("res-1"));
    assertThat(level("acme", "A")).isEqualTo(new StockLevel("A", 6, 4));
    assertThat(level("acme", "B")).isEqualTo(new StockLevel("B", 0, 5));
    assertThat(repository.reservation("acme", "o-1"))
        .contains(
            new Reservation(
                "acme",
                "o-1",
                "res-1",
                Reservation.Status.RESERVED,
                List.of(new StockLine("A", 4), new StockLine("B", 5))));
    List<Map<String, AttributeValue>> outbox = local.outbox();
    assertThat(outbox).hasSize(1);
    assertThat(outbox.get(0).get("pk").s()).isEqualTo("OUTBOX#T#acme#RES#o-1");
    assertThat(outbox.get(0).get("detailType").s()).isEqualTo("StockReserved");
    assertThat(outbox.get(0).get("source").s()).isEqualTo("orderly.inventory");
    assertThat(outbox.get(0).get("detail").s())
        .contains("\"eventId\":\"evt-1\"", "\"tenantId\":\"acme\"", "\"correlationId\":\"corr\"")
        .contains(
            "\"data\":{\"orderId\":\"o-1\",\"lines\":[{\"sku\":\"A\",\"quantity\":4},"
                + "{\"sku\":\"B\",\"quantity\":5}]}");
  }

  @Test
  void reserve_whenSomeSkusAreShort_namesExactlyThoseAndReservesNothing() {
    stock("acme", "A", 10);
    stock("acme", "B", 1);
    stock("acme", "C", 5);
    stock("acme", "D", 0);

    ReserveOutcome outcome =
        repository.reserve(
            order(
                "o-2",
                new StockLine("A", 10),
                new StockLine("B", 2),
                new StockLine("C", 5),
                new StockLine("D", 1),
                new StockLine("UNKNOWN", 1)),
            "res-2",
            "evt-2",
            NOW);

    assertThat(outcome).isEqualTo(new ReserveOutcome.Short(List.of("B", "D", "UNKNOWN")));
    assertThat(level("acme", "A")).isEqualTo(new StockLevel("A", 10, 0));
    assertThat(level("acme", "B")).isEqualTo(new StockLevel("B", 1, 0));
    assertThat(level("acme", "C")).isEqualTo(new StockLevel("C", 5, 0));
    assertThat(repository.reservation("acme", "o-2")).isEmpty();
    assertThat(local.outbox()).isEmpty();
  }

  @Test
  void reserve_countsMergedLinesAgainstStock() {
    stock("acme", "A", 3);

    ReserveOutcome outcome =
        repository.reserve(
            order("o-3", new StockLine("A", 2), new StockLine("A", 2)), "res-3", "evt-3", NOW);

    assertThat(outcome).isEqualTo(new ReserveOutcome.Short(List.of("A")));
    assertThat(level("acme", "A")).isEqualTo(new StockLevel("A", 3, 0));
  }

  @Test
  void reserve_ofExactlyWhatIsAvailable_succeeds() {
    stock("acme", "A", 3);

    assertThat(repository.reserve(order("o-4", new StockLine("A", 3)), "res-4", "evt-4", NOW))
        .isEqualTo(new ReserveOutcome.Reserved("res-4"));
    assertThat(level("acme", "A")).isEqualTo(new StockLevel("A", 0, 3));
  }

  @Test
  void reserve_deliveredTwice_reservesOnceAndReplaysTheFirstReservationId() {
    stock("acme", "A", 10);

    repository.reserve(order("o-5", new StockLine("A", 2)), "res-first", "evt-1", NOW);
    ReserveOutcome again =
        repository.reserve(order("o-5", new StockLine("A", 2)), "res-second", "evt-2", NOW);

    assertThat(again).isEqualTo(new ReserveOutcome.Reserved("res-first"));
    assertThat(level("acme", "A")).isEqualTo(new StockLevel("A", 8, 2));
    assertThat(local.outbox()).hasSize(1);
  }

  @Test
  void reserve_withTheSameRequestIdButOtherLines_isAPayloadMismatch() {
    stock("acme", "A", 10);
    repository.reserve(order("o-6", new StockLine("A", 2)), "res-1", "evt-1", NOW);

    assertThatThrownBy(
            () -> repository.reserve(order("o-6", new StockLine("A", 3)), "res-2", "evt-2", NOW))
        .isInstanceOf(IdempotencyPayloadMismatchException.class);
    assertThat(level("acme", "A")).isEqualTo(new StockLevel("A", 8, 2));
  }

  @Test
  void reserve_ofAnOrderHoldingAReservationUnderAnotherRequest_answersThatReservation() {
    stock("acme", "A", 10);
    repository.reserve(order("o-7", new StockLine("A", 2)), "res-1", "evt-1", NOW);
    ReserveStock otherRequest =
        new ReserveStock("acme", "o-7", "other/ReserveStock", "c", List.of(new StockLine("A", 2)));

    assertThat(repository.reserve(otherRequest, "res-2", "evt-2", NOW))
        .isEqualTo(new ReserveOutcome.Reserved("res-1"));
    assertThat(level("acme", "A")).isEqualTo(new StockLevel("A", 8, 2));
  }

  @Test
  void release_afterReserve_givesTheStockBackOnceEvenWhenDeliveredTwice() {
    stock("acme", "A", 10);
    stock("acme", "B", 4);
    repository.reserve(
        order("o-8", new StockLine("A", 3), new StockLine("B", 4)), "res-8", "evt-1", NOW);

    boolean first = repository.release(release("o-8"), "evt-2", NOW);
    boolean second = repository.release(release("o-8"), "evt-3", NOW);

    assertThat(first).isTrue();
    assertThat(second).isTrue();
    assertThat(level("acme", "A")).isEqualTo(new StockLevel("A", 10, 0));
    assertThat(level("acme", "B")).isEqualTo(new StockLevel("B", 4, 0));
    assertThat(repository.reservation("acme", "o-8").map(Reservation::status))
        .contains(Reservation.Status.RELEASED);
    assertThat(local.outbox())
        .extracting(item -> item.get("detailType").s())
        .containsExactlyInAnyOrder("StockReserved", "StockReleased");
  }

  @Test
  void release_releasesWhatTheReservationHolds_notTheStockSetSince() {
    stock("acme", "A", 10);
    repository.reserve(order("o-9", new StockLine("A", 4)), "res-9", "evt-1", NOW);
    stock("acme", "A", 1);

    repository.release(release("o-9"), "evt-2", NOW);

    assertThat(level("acme", "A")).isEqualTo(new StockLevel("A", 5, 0));
  }

  @Test
  void release_withoutReserve_isANoOpThatClosesTheOrderToALateReservation() {
    stock("acme", "A", 10);

    assertThat(repository.release(release("o-10"), "evt-1", NOW)).isFalse();
    assertThat(repository.release(release("o-10"), "evt-2", NOW)).isFalse();
    ReserveOutcome late =
        repository.reserve(order("o-10", new StockLine("A", 1)), "res-10", "evt-3", NOW);

    assertThat(late).isEqualTo(new ReserveOutcome.Closed());
    assertThat(level("acme", "A")).isEqualTo(new StockLevel("A", 10, 0));
    assertThat(repository.reservation("acme", "o-10").map(Reservation::status))
        .contains(Reservation.Status.CLOSED);
    assertThat(local.outbox()).isEmpty();
  }

  @Test
  void release_afterAnOutOfStockReservation_isANoOp() {
    stock("acme", "A", 1);
    repository.reserve(order("o-11", new StockLine("A", 2)), "res-11", "evt-1", NOW);

    assertThat(repository.release(release("o-11"), "evt-2", NOW)).isFalse();
    assertThat(level("acme", "A")).isEqualTo(new StockLevel("A", 1, 0));
  }

  @Test
  void aReleasedReservation_cannotBeTakenAgain() {
    stock("acme", "A", 10);
    repository.reserve(order("o-12", new StockLine("A", 2)), "res-12", "evt-1", NOW);
    repository.release(release("o-12"), "evt-2", NOW);
    ReserveStock again =
        new ReserveStock("acme", "o-12", "retry/ReserveStock", "c", List.of(new StockLine("A", 2)));

    assertThat(repository.reserve(again, "res-13", "evt-3", NOW))
        .isEqualTo(new ReserveOutcome.Closed());
    assertThat(level("acme", "A")).isEqualTo(new StockLevel("A", 10, 0));
  }

  @Test
  void setStock_changesAvailableAndKeepsWhatIsReserved() {
    stock("acme", "A", 10);
    repository.reserve(order("o-14", new StockLine("A", 4)), "res-14", "evt-1", NOW);

    StockLevel level = repository.setStock(new SetStock("acme", "A", 100), NOW);

    assertThat(level).isEqualTo(new StockLevel("A", 100, 4));
    assertThat(level("acme", "A")).isEqualTo(level);
  }

  @Test
  void tenants_neverSeeOrReserveEachOthersStock() {
    stock("acme", "A", 10);
    ReserveStock otherTenant =
        new ReserveStock(
            "globex", "o-15", "o-15/ReserveStock", "c", List.of(new StockLine("A", 1)));

    assertThat(repository.stock("globex", "A")).isEqualTo(Optional.empty());
    assertThat(repository.reserve(otherTenant, "res-15", "evt-1", NOW))
        .isEqualTo(new ReserveOutcome.Short(List.of("A")));
    assertThat(repository.release(new ReleaseStock("globex", "o-14", "x", "c"), "evt-2", NOW))
        .isFalse();
    assertThat(level("acme", "A")).isEqualTo(new StockLevel("A", 10, 0));
  }
}
