package dev.orderly.orderviews.persistence;

import static dev.orderly.orderviews.OrderEvents.cancelled;
import static dev.orderly.orderviews.OrderEvents.confirmed;
import static dev.orderly.orderviews.OrderEvents.placed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orderly.dynamodb.DynamoDbEngineExtension;
import dev.orderly.orderviews.LocalViews;
import dev.orderly.orderviews.domain.OrderChange;
import dev.orderly.orderviews.domain.OrderStatus;
import dev.orderly.orderviews.domain.OrderView;
import dev.orderly.orderviews.domain.StatusChange;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The projection's central property: whatever the order of delivery, and however many times each
 * event arrives, the view ends exactly as in-order, exactly-once delivery leaves it. Every ordering
 * of Placed/Confirmed and Placed/Cancelled with up to two deliveries of each is tried; longer
 * chains with up to three deliveries each are shuffled by seeded generators (a failing seed is in
 * the test name, so it replays); and concurrent deliveries race on the conditional writes.
 */
class ReorderingTest {
  @RegisterExtension static final DynamoDbEngineExtension ENGINE = new DynamoDbEngineExtension();
  private static DynamoDbClient dynamo;
  private static DynamoOrderViews views;

  /** A chain of an order's events, by version, built for a given order id. */
  record Chain(String name, List<Function<String, OrderChange>> events) {}

  record Delivery(String name, Chain chain, List<Integer> order) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static final Chain CONFIRMED =
      new Chain("placed-confirmed", List.of(o -> placed("t1", o), o -> confirmed("t1", o, 2)));
  private static final Chain CANCELLED =
      new Chain("placed-cancelled", List.of(o -> placed("t1", o), o -> cancelled("t1", o, 2)));
  private static final Chain THREE_VERSIONS =
      new Chain(
          "placed-confirmed-cancelled",
          List.of(o -> placed("t1", o), o -> confirmed("t1", o, 2), o -> cancelled("t1", o, 3)));

  @BeforeAll
  static void connect() {
    dynamo = LocalViews.client(ENGINE.engine().endpoint());
    views = new DynamoOrderViews(dynamo, LocalViews.createTable(dynamo));
  }

  @AfterAll
  static void close() {
    dynamo.close();
  }

  static Stream<Delivery> everyOrdering() {
    List<Delivery> deliveries = new ArrayList<>();
    for (Chain chain : List.of(CONFIRMED, CANCELLED)) {
      for (List<Integer> copies : List.of(List.of(0, 1), List.of(0, 0, 1), List.of(0, 1, 1))) {
        permutations(copies).forEach(p -> deliveries.add(delivery(chain, p)));
      }
      permutations(List.of(0, 0, 1, 1)).forEach(p -> deliveries.add(delivery(chain, p)));
    }
    return deliveries.stream();
  }

  static Stream<Delivery> seededShuffles() {
    return IntStream.rangeClosed(1, 40)
        .mapToObj(
            seed -> {
              Random random = new Random(seed);
              List<Integer> order = new ArrayList<>();
              for (int event = 0; event < THREE_VERSIONS.events().size(); event++) {
                for (int copy = 1 + random.nextInt(3); copy > 0; copy--) {
                  order.add(event);
                }
              }
              Collections.shuffle(order, random);
              return new Delivery(
                  "seed " + seed + ": " + THREE_VERSIONS.name() + " " + order,
                  THREE_VERSIONS,
                  order);
            });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyOrdering")
  void everyOrderingWithDuplicates_endsAsInOrderDelivery(Delivery delivery) {
    assertEndsAsInOrder(delivery);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("seededShuffles")
  void shuffledLongerChain_endsAsInOrderDelivery(Delivery delivery) {
    assertEndsAsInOrder(delivery);
  }

  @Test
  void concurrentDeliveriesOfShuffledDuplicates_endAsInOrderDelivery() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      for (int round = 0; round < 5; round++) {
        String orderId = "race-" + round;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> running = new ArrayList<>();
        for (int worker = 0; worker < 6; worker++) {
          List<OrderChange> events = new ArrayList<>();
          THREE_VERSIONS.events().forEach(event -> events.add(event.apply(orderId)));
          Collections.shuffle(events, new Random(round * 10L + worker));
          running.add(
              pool.submit(
                  () -> {
                    start.await();
                    events.forEach(event -> views.apply(event, Optional.of("Ada")));
                    return null;
                  }));
        }
        start.countDown();
        for (Future<?> future : running) {
          future.get(30, TimeUnit.SECONDS);
        }
        assertThat(idless(views.find("t1", orderId).orElseThrow()))
            .isEqualTo(inOrder(THREE_VERSIONS, orderId + "-expected"));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static void assertEndsAsInOrder(Delivery delivery) {
    String orderId = "o-" + delivery.name().hashCode();
    for (int event : delivery.order()) {
      views.apply(delivery.chain().events().get(event).apply(orderId), Optional.of("Ada"));
    }

    OrderView view = views.find("t1", orderId).orElseThrow();
    OrderView expected = inOrder(delivery.chain(), orderId + "-expected");
    assertThat(idless(view)).isEqualTo(expected);
    int last = delivery.chain().events().size();
    assertThat(view.version()).isEqualTo(last);
    assertThat(view.history()).extracting(StatusChange::version).hasSize(last);
    assertThat(view.placedAt()).isPresent();
    assertThat(view.history().get(0).status()).isEqualTo(OrderStatus.PENDING);
  }

  /** The view that in-order, exactly-once delivery of the chain leaves, with its id blanked. */
  private static OrderView inOrder(Chain chain, String orderId) {
    chain.events().forEach(event -> views.apply(event.apply(orderId), Optional.of("Ada")));
    return idless(views.find("t1", orderId).orElseThrow());
  }

  private static OrderView idless(OrderView view) {
    return new OrderView(
        "-",
        view.customerId(),
        view.customerName(),
        view.status(),
        view.amount(),
        view.placedAt(),
        view.history(),
        view.version());
  }

  private static Delivery delivery(Chain chain, List<Integer> order) {
    return new Delivery(chain.name() + " " + order, chain, order);
  }

  /** Every distinct ordering of a list that may repeat elements. */
  static List<List<Integer>> permutations(List<Integer> items) {
    if (items.isEmpty()) {
      return List.of(List.of());
    }
    Set<List<Integer>> orderings = new LinkedHashSet<>();
    for (int i = 0; i < items.size(); i++) {
      List<Integer> rest = new ArrayList<>(items);
      Integer head = rest.remove(i);
      for (List<Integer> tail : permutations(rest)) {
        List<Integer> ordering = new ArrayList<>(List.of(head));
        ordering.addAll(tail);
        orderings.add(ordering);
      }
    }
    return new ArrayList<>(orderings);
  }

  @Test
  void permutations_ofARepeatingList_areDistinctAndComplete() {
    assertThat(permutations(List.of(0, 0, 1, 1))).hasSize(6).doesNotHaveDuplicates();
    assertThat(permutations(List.of(0, 1, 1)))
        .containsExactlyInAnyOrder(List.of(0, 1, 1), List.of(1, 0, 1), List.of(1, 1, 0));
  }
}
