package dev.orderly.orderviews.persistence;

import static dev.orderly.orderviews.OrderEvents.PLACED_AT;
import static dev.orderly.orderviews.OrderEvents.confirmed;
import static dev.orderly.orderviews.OrderEvents.placed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderly.dynamodb.DynamoDbEngineExtension;
import dev.orderly.lambda.http.ApiException;
import dev.orderly.lambda.http.ErrorCode;
import dev.orderly.lambda.paging.Cursors;
import dev.orderly.orderviews.LocalViews;
import dev.orderly.orderviews.domain.OrderView;
import dev.orderly.orderviews.domain.PageSize;
import dev.orderly.orderviews.domain.ViewPage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Paging a tenant's views over the byTenant index: newest first, complete, isolated. */
class ListingTest {
  @RegisterExtension static final DynamoDbEngineExtension ENGINE = new DynamoDbEngineExtension();
  private static DynamoDbClient dynamo;

  private DynamoOrderViews views;

  @BeforeAll
  static void connect() {
    dynamo = LocalViews.client(ENGINE.engine().endpoint());
  }

  @AfterAll
  static void close() {
    dynamo.close();
  }

  @BeforeEach
  void setUp() {
    views = new DynamoOrderViews(dynamo, LocalViews.createTable(dynamo));
  }

  /** Orders o00..o(n-1) of the tenant, one minute apart: o(n-1) is the newest. */
  private void placeOrders(String tenant, int count) {
    for (int i = 0; i < count; i++) {
      views.apply(
          placed(tenant, String.format("o%02d", i), PLACED_AT.plusSeconds(60L * i)),
          Optional.empty());
    }
  }

  private List<List<String>> allPages(String tenant, int size) {
    List<List<String>> pages = new ArrayList<>();
    Optional<String> cursor = Optional.empty();
    do {
      ViewPage page = views.page(tenant, new PageSize(size), cursor);
      pages.add(page.items().stream().map(OrderView::orderId).toList());
      cursor = page.nextCursor();
    } while (cursor.isPresent());
    return pages;
  }

  @Test
  void fortyFiveOrders_inPagesOfTwenty_comeNewestFirstWithoutGapsOrRepeats() {
    placeOrders("t1", 45);

    List<List<String>> pages = allPages("t1", 20);

    assertThat(pages).extracting(List::size).containsExactly(20, 20, 5);
    List<String> all = pages.stream().flatMap(List::stream).toList();
    assertThat(all)
        .isEqualTo(IntStream.range(0, 45).mapToObj(i -> String.format("o%02d", 44 - i)).toList());
  }

  @Test
  void fullLastPage_hasNoCursorToAnEmptyPage() {
    placeOrders("t1", 40);

    assertThat(allPages("t1", 20)).extracting(List::size).containsExactly(20, 20);
  }

  @Test
  void ordersPlacedAtTheSameInstant_comeInAStableOrder() {
    for (String id : List.of("b", "c", "a")) {
      views.apply(placed("t1", id), Optional.empty());
    }

    assertThat(allPages("t1", 2)).isEqualTo(List.of(List.of("c", "b"), List.of("a")));
    assertThat(allPages("t1", 2)).isEqualTo(List.of(List.of("c", "b"), List.of("a")));
  }

  @Test
  void subSecondPlacements_sortByTime_notByTheirTextualForm() {
    views.apply(placed("t1", "whole-second", PLACED_AT), Optional.empty());
    views.apply(placed("t1", "half-second-later", PLACED_AT.plusMillis(500)), Optional.empty());

    assertThat(allPages("t1", 10)).containsExactly(List.of("half-second-later", "whole-second"));
  }

  @Test
  void tenants_seeOnlyTheirOwnOrders() {
    placeOrders("t1", 3);
    placeOrders("t2", 2);

    assertThat(allPages("t2", 10)).containsExactly(List.of("o01", "o00"));
    assertThat(allPages("t1", 10)).containsExactly(List.of("o02", "o01", "o00"));
  }

  @Test
  void viewWhosePlacementHasNotArrived_isNotListedUntilItDoes() {
    views.apply(confirmed("t1", "early", 2), Optional.empty());
    assertThat(allPages("t1", 10)).containsExactly(List.of());

    views.apply(placed("t1", "early"), Optional.empty());

    assertThat(allPages("t1", 10)).containsExactly(List.of("early"));
  }

  @Test
  void anotherTenantsCursor_isInvalid() {
    placeOrders("t2", 3);
    String cursor = views.page("t2", new PageSize(1), Optional.empty()).nextCursor().orElseThrow();

    assertInvalidCursor(() -> views.page("t1", new PageSize(1), Optional.of(cursor)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"garbage!", "e30", "eyJ0IjoidDEiLCJrIjp7fX0"})
  void undecodableOrEmptyCursor_isInvalid(String cursor) {
    assertInvalidCursor(() -> views.page("t1", new PageSize(1), Optional.of(cursor)));
  }

  @Test
  void cursorIssuedToTheTenantButNamingAnotherTenantsPosition_isInvalid() {
    String forged =
        Cursors.encode(
            "t1",
            Map.of(
                "pk", AttributeValue.fromS("T#t2#VIEW#o1"),
                "sk", AttributeValue.fromS("VIEW"),
                "gsi1pk", AttributeValue.fromS("T#t2"),
                "gsi1sk", AttributeValue.fromS("2026-05-01T10:00:00.000Z#o1")));

    assertInvalidCursor(() -> views.page("t1", new PageSize(1), Optional.of(forged)));
  }

  private static void assertInvalidCursor(
      org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CURSOR));
  }
}
