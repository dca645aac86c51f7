package dev.orderly.orders.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderly.dynamodb.DynamoDbEngineExtension;
import dev.orderly.idempotency.dynamodb.TransactionalIdempotency;
import dev.orderly.orders.domain.CancellationReason;
import dev.orderly.orders.domain.Ids;
import dev.orderly.orders.domain.Order;
import dev.orderly.orders.domain.OrderAlreadyCancelled;
import dev.orderly.orders.domain.OrderAlreadyConfirmed;
import dev.orderly.orders.domain.OrderStatus;
import dev.orderly.orders.domain.TaskRequest;
import dev.orderly.orders.domain.TaskResult;
import dev.orderly.orders.domain.Transition;
import dev.orderly.orders.testing.OrdersTables;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Confirm and cancel racing on one order: both decide from PENDING before either writes (a barrier
 * in the event id source holds them there), and the write's condition lets exactly one commit. The
 * loser decides again against the order as it now is.
 */
class TransitionRaceTest {
  @RegisterExtension static DynamoDbEngineExtension engine = new DynamoDbEngineExtension();

  private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");

  private OrdersTables tables;
  private ExecutorService pool;

  @BeforeEach
  void setUp() {
    tables = new OrdersTables(engine.engine());
    pool = Executors.newFixedThreadPool(8);
  }

  @AfterEach
  void tearDown() {
    pool.shutdownNow();
  }

  /**
   * Event ids whose first {@code parties} requests wait for each other: all decided, none written.
   */
  private static Ids holdingTheFirst(int parties) {
    CyclicBarrier barrier = new CyclicBarrier(parties);
    AtomicInteger issued = new AtomicInteger();
    return () -> {
      int n = issued.incrementAndGet();
      if (n <= parties) {
        try {
          barrier.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
          throw new IllegalStateException("the racers never met", e);
        }
      }
      return "event-" + n;
    };
  }

  private DynamoDbOrderStore store(Ids eventIds) {
    return new DynamoDbOrderStore(
        tables.dynamo,
        tables.orders,
        TransactionalIdempotency.builder(tables.dynamo, tables.idempotency)
            .clock(Clock.fixed(NOW, ZoneOffset.UTC))
            .build(),
        eventIds);
  }

  private Object outcome(Future<TaskResult> future) throws InterruptedException {
    try {
      return future.get(20, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      return e.getCause();
    } catch (TimeoutException e) {
      throw new AssertionError("a racer hung", e);
    }
  }

  @Test
  void confirmAndCancel_decidedTogether_exactlyOneWinsAndTheOtherRefuses() throws Exception {
    Order order = DynamoDbOrderStoreTest.order("tenant-a", "o-1");
    store(() -> "event-placed").create(order, "tok_ok", NOW);
    DynamoDbOrderStore racing = store(holdingTheFirst(2));

    Future<TaskResult> confirm =
        pool.submit(
            () ->
                racing.transition(
                    new TaskRequest("tenant-a", "o-1", "o-1/ConfirmOrder", "c"),
                    new Transition.Confirm(),
                    NOW));
    Future<TaskResult> cancel =
        pool.submit(
            () ->
                racing.transition(
                    new TaskRequest("tenant-a", "o-1", "o-1/ChargePayment", "c"),
                    new Transition.Cancel(new CancellationReason("PAYMENT_DECLINED", "")),
                    NOW));
    Object confirmed = outcome(confirm);
    Object cancelled = outcome(cancel);

    OrderStatus finalStatus = racing.find("tenant-a", "o-1").orElseThrow().status();
    if (finalStatus == OrderStatus.CONFIRMED) {
      assertThat(confirmed).isEqualTo(new TaskResult(OrderStatus.CONFIRMED, true));
      assertThat(cancelled).isInstanceOf(OrderAlreadyConfirmed.class);
      assertThat(tables.outbox("o-1", 2).get("detailType").s()).isEqualTo("OrderConfirmed");
    } else {
      assertThat(finalStatus).isEqualTo(OrderStatus.CANCELLED);
      assertThat(cancelled).isEqualTo(new TaskResult(OrderStatus.CANCELLED, true));
      assertThat(confirmed).isInstanceOf(OrderAlreadyCancelled.class);
      assertThat(tables.outbox("o-1", 2).get("detailType").s()).isEqualTo("OrderCancelled");
    }
    assertThat(racing.find("tenant-a", "o-1").orElseThrow().version()).isEqualTo(2);
    assertThat(tables.outbox("o-1", 3)).isNull();
  }

  @Test
  void duplicateConfirms_decidedTogether_bothAnswerConfirmedAndOneEventIsWritten()
      throws Exception {
    store(() -> "event-placed").create(DynamoDbOrderStoreTest.order("tenant-a", "o-1"), "t", NOW);
    DynamoDbOrderStore racing = store(holdingTheFirst(2));
    TaskRequest request = new TaskRequest("tenant-a", "o-1", "o-1/ConfirmOrder", "c");

    Future<TaskResult> first =
        pool.submit(() -> racing.transition(request, new Transition.Confirm(), NOW));
    Future<TaskResult> second =
        pool.submit(() -> racing.transition(request, new Transition.Confirm(), NOW));

    assertThat(outcome(first)).isEqualTo(new TaskResult(OrderStatus.CONFIRMED, true));
    assertThat(outcome(second)).isEqualTo(new TaskResult(OrderStatus.CONFIRMED, true));
    assertThat(racing.find("tenant-a", "o-1").orElseThrow().version()).isEqualTo(2);
    assertThat(tables.outbox("o-1", 3)).isNull();
  }

  @RepeatedTest(5)
  void manyRacers_oneChangeOneEvent_everyLoserRefusedOrReplayed() throws Exception {
    store(() -> "event-placed").create(DynamoDbOrderStoreTest.order("tenant-a", "o-1"), "t", NOW);
    DynamoDbOrderStore racing = store(new dev.orderly.orders.testing.SequentialIds("e"));
    List<Callable<TaskResult>> racers = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      racers.add(
          i % 2 == 0
              ? () ->
                  racing.transition(
                      new TaskRequest("tenant-a", "o-1", "o-1/ConfirmOrder", "c"),
                      new Transition.Confirm(),
                      NOW)
              : () ->
                  racing.transition(
                      new TaskRequest("tenant-a", "o-1", "o-1/ChargePayment", "c"),
                      new Transition.Cancel(new CancellationReason("PAYMENT_DECLINED", "")),
                      NOW));
    }
    List<Object> outcomes = new ArrayList<>();
    for (Future<TaskResult> future : pool.invokeAll(racers)) {
      outcomes.add(outcome(future));
    }

    OrderStatus winner = racing.find("tenant-a", "o-1").orElseThrow().status();
    Class<?> loserError =
        winner == OrderStatus.CONFIRMED ? OrderAlreadyConfirmed.class : OrderAlreadyCancelled.class;
    assertThat(outcomes)
        .allSatisfy(
            o ->
                assertThat(o)
                    .satisfiesAnyOf(
                        r -> assertThat(r).isEqualTo(new TaskResult(winner, true)),
                        r -> assertThat(r).isInstanceOf(loserError)));
    assertThat(outcomes).contains(new TaskResult(winner, true));
    assertThat(tables.outbox("o-1", 2)).isNotNull();
    assertThat(tables.outbox("o-1", 3)).isNull();
    assertThat(racing.find("tenant-a", "o-1").orElseThrow().version()).isEqualTo(2);
  }
}
