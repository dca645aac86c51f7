package dev.orderly.inventory.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import dev.orderly.dynamodb.DynamoDbEngineExtension;
import dev.orderly.inventory.LocalInventory;
import dev.orderly.inventory.domain.SetStock;
import dev.orderly.inventory.domain.StockLevel;
import dev.orderly.inventory.persistence.DynamoDbInventoryRepository;
import dev.orderly.inventory.wiring.DaggerReleaseStockComponent;
import dev.orderly.inventory.wiring.DaggerReserveStockComponent;
import dev.orderly.inventory.wiring.SourcesModule;
import dev.orderly.lambda.saga.OutOfStock;
import dev.orderly.lambda.saga.TransientFailure;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * ReserveStock and ReleaseStock from their event files, through the real Dagger components wired to
 * the engine, as Step Functions would invoke them (the same payload for both: the compensation
 * reuses the forward step's request id).
 */
class SagaTasksHandlerTest {
  @RegisterExtension static final DynamoDbEngineExtension ENGINE = new DynamoDbEngineExtension();
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-05-01T10:00:00Z"), ZoneOffset.UTC);

  private final AtomicInteger sequence = new AtomicInteger();
  private final Supplier<String> ids = () -> "id-" + sequence.incrementAndGet();
  private LocalInventory local;
  private DynamoDbInventoryRepository repository;
  private ReserveStockHandler reserve;
  private ReleaseStockHandler release;

  @BeforeEach
  void setUp() {
    local = new LocalInventory(ENGINE.engine());
    repository = local.repository(CLOCK);
    reserve =
        new ReserveStockHandler(
            DaggerReserveStockComponent.builder()
                .environment(local.environment())
                .sourcesModule(new SourcesModule(CLOCK, ids))
                .build());
    release =
        new ReleaseStockHandler(
            DaggerReleaseStockComponent.builder()
                .environment(local.environment())
                .sourcesModule(new SourcesModule(CLOCK, ids))
                .build());
    repository.setStock(new SetStock("acme", "WIDGET-1", 10), CLOCK.instant());
    repository.setStock(new SetStock("acme", "GADGET-7", 1), CLOCK.instant());
  }

  /** A task input as the Lambda runtime deserialises it for a {@code Map} handler. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> task(String file) {
    return EventLoader.loadEvent(file, Map.class);
  }

  private StockLevel level(String sku) {
    return repository.stock("acme", sku).orElseThrow();
  }

  @Test
  void reserveStock_holdsEveryMergedLineAndAnswersTheReservationId() {
    Map<String, Object> input = task("events/stepfunctions_reserve-stock.json");
    Map<String, Object> result = reserve.handleRequest(input, null);

    assertThat(result).containsOnlyKeys("reservationId");
    assertThat(result).containsEntry("reservationId", "id-1");
    assertThat(level("WIDGET-1")).isEqualTo(new StockLevel("WIDGET-1", 5, 5));
    assertThat(level("GADGET-7")).isEqualTo(new StockLevel("GADGET-7", 0, 1));
  }

  @Test
  void reserveStock_deliveredTwice_reservesOnceAndAnswersTheSame() {
    Map<String, Object> input = task("events/stepfunctions_reserve-stock.json");
    Map<String, Object> first = reserve.handleRequest(input, null);
    Map<String, Object> second = reserve.handleRequest(input, null);

    assertThat(second).isEqualTo(first);
    assertThat(level("WIDGET-1")).isEqualTo(new StockLevel("WIDGET-1", 5, 5));
    assertThat(local.outbox()).hasSize(1);
  }

  @Test
  void reserveStock_heldButTheAnswerLost_isTransient_andTheRetryReplaysTheReservation() {
    Map<String, Object> input = task("events/stepfunctions_reserve-stock.json");
    ENGINE.engine().loseResponses("TransactWriteItems", 100);
    try {
      assertThatThrownBy(() -> reserve.handleRequest(input, null))
          .isInstanceOf(TransientFailure.class);
    } finally {
      ENGINE.engine().loseResponses("TransactWriteItems", 0);
    }
    assertThat(level("WIDGET-1")).isEqualTo(new StockLevel("WIDGET-1", 5, 5));

    assertThat(reserve.handleRequest(input, null)).containsEntry("reservationId", "id-1");
    assertThat(level("WIDGET-1")).isEqualTo(new StockLevel("WIDGET-1", 5, 5));
    assertThat(local.outbox()).hasSize(1);
  }

  @Test
  void reserveStock_short_throwsOutOfStockNamingTheShortSkusAndReservesNothing() {
    Map<String, Object> input = task("events/stepfunctions_reserve-stock_out-of-stock.json");
    assertThatThrownBy(() -> reserve.handleRequest(input, null))
        .isInstanceOfSatisfying(
            OutOfStock.class,
            e -> assertThat(e.skus()).containsExactly("GADGET-7", "NEVER-STOCKED"));
    assertThat(level("WIDGET-1")).isEqualTo(new StockLevel("WIDGET-1", 10, 0));
    assertThat(level("GADGET-7")).isEqualTo(new StockLevel("GADGET-7", 1, 0));
    assertThat(local.outbox()).isEmpty();
  }

  @Test
  void reserveStock_malformedPayload_failsNamingTheField() {
    Map<String, Object> input = task("events/stepfunctions_reserve-stock_malformed.json");
    assertThatThrownBy(() -> reserve.handleRequest(input, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("lines[0].quantity must be an integer");
    assertThat(level("WIDGET-1")).isEqualTo(new StockLevel("WIDGET-1", 10, 0));
  }

  @Test
  void releaseStock_afterReserve_restoresStockOnceEvenWhenDeliveredTwice() {
    Map<String, Object> input = task("events/stepfunctions_release-stock.json");
    reserve.handleRequest(input, null);

    Map<String, Object> first = release.handleRequest(input, null);
    Map<String, Object> second = release.handleRequest(input, null);

    assertThat(first).isEqualTo(Map.of("released", true));
    assertThat(second).isEqualTo(first);
    assertThat(level("WIDGET-1")).isEqualTo(new StockLevel("WIDGET-1", 10, 0));
    assertThat(level("GADGET-7")).isEqualTo(new StockLevel("GADGET-7", 1, 0));
    assertThat(local.outbox())
        .extracting(item -> item.get("detailType").s())
        .containsExactlyInAnyOrder("StockReserved", "StockReleased");
  }

  @Test
  void releaseStock_withoutReserve_succeedsAsANoOp() {
    Map<String, Object> input = task("events/stepfunctions_release-stock.json");
    Map<String, Object> result = release.handleRequest(input, null);

    assertThat(result).isEqualTo(Map.of("released", false));
    assertThat(level("WIDGET-1")).isEqualTo(new StockLevel("WIDGET-1", 10, 0));
    assertThat(local.outbox()).isEmpty();
  }

  @Test
  void releaseStock_afterOutOfStock_succeedsAsANoOp() {
    Map<String, Object> input = task("events/stepfunctions_reserve-stock_out-of-stock.json");
    assertThatThrownBy(() -> reserve.handleRequest(input, null)).isInstanceOf(OutOfStock.class);

    assertThat(release.handleRequest(input, null)).isEqualTo(Map.of("released", false));
    assertThat(level("GADGET-7")).isEqualTo(new StockLevel("GADGET-7", 1, 0));
  }

  @Test
  void releaseStock_malformedPayload_failsNamingTheField() {
    Map<String, Object> input = task("events/stepfunctions_release-stock_malformed.json");
    assertThatThrownBy(() -> release.handleRequest(input, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("orderId must be a non-blank string");
  }
}
