package dev.orderly.orderviews.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The read side's rule on names, and the projection's routing, over in-memory fakes. */
class OrderQueriesTest {
  private static final Instant AT = Instant.parse("2026-05-01T10:00:00Z");

  /** Serves a fixed page and records what it was asked and given. */
  static final class FakeViews implements OrderViews {
    ViewPage page = new ViewPage(List.of(), Optional.empty());
    final List<Object> calls = new ArrayList<>();

    @Override
    public Projected apply(OrderChange change, Optional<String> customerName) {
      calls.add(List.of(change.orderId(), customerName));
      return Projected.APPLIED;
    }

    @Override
    public ViewPage page(String tenant, PageSize size, Optional<String> cursor) {
      calls.add(List.of(tenant, size.value(), cursor));
      return page;
    }

    @Override
    public Optional<OrderView> find(String tenant, String orderId) {
      return Optional.empty();
    }
  }

  /** Names held in a map; counts lookups. */
  static final class FakeCustomers implements Customers {
    final Map<String, String> names = new HashMap<>();
    final List<Set<String>> lookups = new ArrayList<>();

    @Override
    public Projected apply(CustomerChange change) {
      names.put(change.userId(), change.name());
      return Projected.APPLIED;
    }

    @Override
    public Optional<String> name(String tenant, String customerId) {
      return Optional.ofNullable(names.get(customerId));
    }

    @Override
    public Map<String, String> names(String tenant, Set<String> customerIds) {
      lookups.add(customerIds);
      Map<String, String> found = new HashMap<>(names);
      found.keySet().retainAll(customerIds);
      return found;
    }
  }

  private final FakeViews views = new FakeViews();
  private final FakeCustomers customers = new FakeCustomers();

  private static OrderView view(String orderId, String customerId, Optional<String> name) {
    return new OrderView(
        orderId,
        customerId,
        name,
        OrderStatus.PENDING,
        Optional.empty(),
        Optional.of(AT),
        List.of(new StatusChange(1, OrderStatus.PENDING, AT, Optional.empty())),
        1);
  }

  @Test
  void list_showsTheCustomersCurrentName_overTheCopyInTheView() {
    customers.names.put("c1", "Ada Lovelace");
    views.page =
        new ViewPage(
            List.of(view("o1", "c1", Optional.of("Ada")), view("o2", "c2", Optional.of("Grace"))),
            Optional.of("next"));

    ViewPage page =
        new OrderQueries(views, customers).list("t1", new PageSize(2), Optional.of("c"));

    assertThat(page.items())
        .extracting(OrderView::customerName)
        .containsExactly(Optional.of("Ada Lovelace"), Optional.of("Grace"));
    assertThat(page.nextCursor()).contains("next");
    assertThat(customers.lookups).containsExactly(Set.of("c1", "c2"));
    assertThat(views.calls).containsExactly(List.of("t1", 2, Optional.of("c")));
  }

  @Test
  void list_ofAnEmptyPage_looksUpNoNames() {
    new OrderQueries(views, customers).list("t1", PageSize.DEFAULT, Optional.empty());

    assertThat(customers.lookups).isEmpty();
    assertThat(views.calls).containsExactly(List.of("t1", 20, Optional.empty()));
  }

  @Test
  void projection_copiesTheCurrentNameIntoTheView_andKeepsCustomerChanges() {
    Projection projection = new Projection(views, customers);

    projection.apply(
        new OrderChange(
            "t1",
            "o1",
            "c1",
            new StatusChange(1, OrderStatus.PENDING, AT, Optional.empty()),
            Optional.empty(),
            Optional.of(AT)));
    projection.apply(new CustomerChange("t1", "c1", "Ada", 1));
    projection.apply(
        new OrderChange(
            "t1",
            "o2",
            "c1",
            new StatusChange(1, OrderStatus.PENDING, AT, Optional.empty()),
            Optional.empty(),
            Optional.of(AT)));

    assertThat(views.calls)
        .containsExactly(List.of("o1", Optional.empty()), List.of("o2", Optional.of("Ada")));
  }
}
