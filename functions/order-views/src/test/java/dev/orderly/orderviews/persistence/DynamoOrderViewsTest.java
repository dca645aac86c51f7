package dev.orderly.orderviews.persistence;

import static dev.orderly.orderviews.OrderEvents.PLACED_AT;
import static dev.orderly.orderviews.OrderEvents.cancelled;
import static dev.orderly.orderviews.OrderEvents.confirmed;
import static dev.orderly.orderviews.OrderEvents.placed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orderly.dynamodb.DynamoDbEngineExtension;
import dev.orderly.orderviews.LocalViews;
import dev.orderly.orderviews.domain.CancelReason;
import dev.orderly.orderviews.domain.Money;
import dev.orderly.orderviews.domain.OrderStatus;
import dev.orderly.orderviews.domain.OrderView;
import dev.orderly.orderviews.domain.Projected;
import dev.orderly.orderviews.domain.StatusChange;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The view store through the SDK against the engine: what each delivery writes, and costs. */
class DynamoOrderViewsTest {
  @RegisterExtension static final DynamoDbEngineExtension ENGINE = new DynamoDbEngineExtension();
  private static final LocalViews.Calls CALLS = new LocalViews.Calls();
  private static DynamoDbClient dynamo;

  private DynamoOrderViews views;

  @BeforeAll
  static void connect() {
    dynamo = LocalViews.client(ENGINE.engine().endpoint(), CALLS);
  }

  @AfterAll
  static void close() {
    dynamo.close();
  }

  @BeforeEach
  void setUp() {
    views = new DynamoOrderViews(dynamo, LocalViews.createTable(dynamo));
    CALLS.drain();
  }

  @Test
  void placedThenConfirmed_viewHasTheNewestStatusAndBothHistoryEntries() {
    assertThat(views.apply(placed("t1", "o1"), Optional.of("Ada"))).isEqualTo(Projected.APPLIED);
    assertThat(views.apply(confirmed("t1", "o1", 2), Optional.of("Ada")))
        .isEqualTo(Projected.APPLIED);

    assertThat(views.find("t1", "o1"))
        .contains(
            new OrderView(
                "o1",
                "cust-1",
                Optional.of("Ada"),
                OrderStatus.CONFIRMED,
                Optional.of(new Money(2500, "EUR")),
                Optional.of(PLACED_AT),
                List.of(
                    new StatusChange(1, OrderStatus.PENDING, PLACED_AT, Optional.empty()),
                    new StatusChange(
                        2, OrderStatus.CONFIRMED, PLACED_AT.plusSeconds(2), Optional.empty())),
                2));
  }

  @Test
  void confirmedBeforePlaced_placementStillAddsItsFieldsAndHistoryButNotItsStatus() {
    assertThat(views.apply(confirmed("t1", "o1", 2), Optional.empty()))
        .isEqualTo(Projected.APPLIED);
    assertThat(views.find("t1", "o1").orElseThrow().placedAt()).isEmpty();

    assertThat(views.apply(placed("t1", "o1"), Optional.of("Ada"))).isEqualTo(Projected.MERGED);

    OrderView view = views.find("t1", "o1").orElseThrow();
    assertThat(view.status()).isEqualTo(OrderStatus.CONFIRMED);
    assertThat(view.version()).isEqualTo(2);
    assertThat(view.placedAt()).contains(PLACED_AT);
    assertThat(view.customerName()).contains("Ada");
    assertThat(view.history())
        .extracting(StatusChange::status)
        .containsExactly(OrderStatus.PENDING, OrderStatus.CONFIRMED);
  }

  @Test
  void cancelledBeforePlaced_amountComesFromThePlacement() {
    views.apply(cancelled("t1", "o1", 2), Optional.empty());
    assertThat(views.find("t1", "o1").orElseThrow().amount()).isEmpty();

    views.apply(placed("t1", "o1"), Optional.empty());

    OrderView view = views.find("t1", "o1").orElseThrow();
    assertThat(view.status()).isEqualTo(OrderStatus.CANCELLED);
    assertThat(view.amount()).contains(new Money(2500, "EUR"));
    assertThat(view.history().get(1).reason())
        .contains(new CancelReason("OUT_OF_STOCK", "sku-1 is short"));
  }

  @Test
  void duplicateOfTheNewestEvent_isUnchangedAndCostsOneFailedWrite() {
    views.apply(placed("t1", "o1"), Optional.of("Ada"));
    views.apply(confirmed("t1", "o1", 2), Optional.of("Ada"));
    OrderView before = views.find("t1", "o1").orElseThrow();
    CALLS.drain();

    assertThat(views.apply(confirmed("t1", "o1", 2), Optional.of("Ada")))
        .isEqualTo(Projected.UNCHANGED);
    assertThat(CALLS.drain()).containsExactly("UpdateItem failed");
    assertThat(views.apply(placed("t1", "o1"), Optional.of("Ada"))).isEqualTo(Projected.UNCHANGED);
    assertThat(CALLS.drain()).containsExactly("UpdateItem failed");

    assertThat(views.find("t1", "o1")).contains(before);
  }

  @Test
  void newEvent_costsOneWrite_andALateOneTwo() {
    views.apply(confirmed("t1", "o1", 2), Optional.empty());
    assertThat(CALLS.drain()).containsExactly("UpdateItem");

    views.apply(placed("t1", "o1"), Optional.empty());
    assertThat(CALLS.drain()).containsExactly("UpdateItem failed", "UpdateItem");
  }

  @Test
  void newerEvent_replacesTheCopiedCustomerName_olderOneOnlyFillsAMissingOne() {
    views.apply(placed("t1", "o1"), Optional.empty());
    views.apply(confirmed("t1", "o1", 2), Optional.of("Ada"));
    assertThat(views.find("t1", "o1").orElseThrow().customerName()).contains("Ada");

    views.apply(placed("t1", "o1"), Optional.of("Grace"));

    assertThat(views.find("t1", "o1").orElseThrow().customerName()).contains("Ada");
  }

  @Test
  void find_anotherTenantsOrder_isEmpty() {
    views.apply(placed("t1", "o1"), Optional.empty());

    assertThat(views.find("t2", "o1")).isEmpty();
    assertThat(views.find("t1", "o1")).isPresent();
  }
}
