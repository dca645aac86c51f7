package dev.orderly.localcloud.demo;

import static dev.orderly.localcloud.demo.Snapshot.n;
import static dev.orderly.localcloud.demo.Snapshot.s;

import dev.orderly.localcloud.demo.Demo.Placed;
import dev.orderly.localcloud.demo.DemoPlan.Line;
import dev.orderly.localcloud.demo.Outcome.Check;
import dev.orderly.localcloud.ses.SentEmail;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The demo's checks, each read from the state the services own (their tables), the saga's
 * executions and the mail that left: nothing here trusts what the demo itself counted.
 */
final class Invariants {
  private final DemoCloud cloud;
  private final DemoPlan plan;
  private final java.util.Set<String> customerEmails;
  private final List<Placed> placed;
  private final boolean allTerminalInTime;
  private final Map<String, Map<String, AttributeValue>> orders = new HashMap<>();
  private final Map<String, Map<String, AttributeValue>> charges = new HashMap<>();
  private final Map<String, Long> chargedEvents = new HashMap<>();
  private final Map<String, Map<String, AttributeValue>> reservations = new HashMap<>();
  private final Map<String, long[]> stock = new TreeMap<>();

  Invariants(
      DemoCloud cloud,
      DemoPlan plan,
      java.util.Set<String> customerEmails,
      List<Placed> placed,
      boolean allTerminalInTime) {
    this.cloud = cloud;
    this.plan = plan;
    this.customerEmails = customerEmails;
    this.placed = placed;
    this.allTerminalInTime = allTerminalInTime;
    for (Map<String, AttributeValue> item : scan("OrdersTable")) {
      if ("ORDER".equals(s(item, "type"))) {
        orders.put(s(item, "orderId"), item);
      }
    }
    for (Map<String, AttributeValue> item : scan("PaymentsTable")) {
      if ("CHARGE".equals(s(item, "sk"))) {
        charges.put(s(item, "orderId"), item);
      } else if ("PaymentCharged".equals(s(item, "detailType"))) {
        String orderId = Demo.read(s(item, "detail")).path("data").path("orderId").asText();
        chargedEvents.merge(orderId, 1L, Long::sum);
      }
    }
    for (Map<String, AttributeValue> item : scan("InventoryTable")) {
      if ("RESERVATION".equals(s(item, "sk"))) {
        reservations.put(s(item, "orderId"), item);
      } else if ("STOCK".equals(s(item, "sk"))) {
        stock.put(
            s(item, "tenantId") + "/" + s(item, "sku"),
            new long[] {n(item, "available"), n(item, "reserved")});
      }
    }
  }

  private List<Map<String, AttributeValue>> scan(String table) {
    return Snapshot.scan(cloud.dynamo(), cloud.tableName(table));
  }

  /** orderId → status of every order in the orders table. */
  static Map<String, String> statuses(DemoCloud cloud) {
    return Snapshot.statuses(cloud.dynamo(), cloud.tableName("OrdersTable"), "ORDER", "orderId");
  }

  long confirmed() {
    return orders.values().stream().filter(o -> "CONFIRMED".equals(s(o, "status"))).count();
  }

  Map<String, Long> cancelledByReason() {
    Map<String, Long> reasons = new TreeMap<>();
    orders.values().stream()
        .filter(o -> "CANCELLED".equals(s(o, "status")))
        .forEach(o -> reasons.merge(String.valueOf(s(o, "cancellationCode")), 1L, Long::sum));
    return reasons;
  }

  Map<String, Long> compensations() {
    Map<String, Long> runs = new TreeMap<>();
    runs.put(
        "ReleaseStock (reservation released)",
        reservations.values().stream().filter(r -> "RELEASED".equals(s(r, "status"))).count());
    runs.put(
        "RefundPayment (charge refunded)",
        charges.values().stream().filter(c -> "REFUNDED".equals(s(c, "status"))).count());
    runs.put(
        "RefundPayment (nothing charged: voided)",
        charges.values().stream().filter(c -> "VOIDED".equals(s(c, "status"))).count());
    runs.put("CancelOrder", cancelledByReason().values().stream().mapToLong(Long::longValue).sum());
    return runs;
  }

  List<Check> check(Executions executions, Views views) {
    List<Check> checks = new ArrayList<>();
    checks.add(everyOrderTerminal());
    checks.add(oneSagaPerOrder(executions));
    checks.add(noDoubleCharge());
    checks.add(noLeakedReservation());
    checks.add(stockConserved());
    checks.add(oneNotificationPerEvent());
    checks.add(nothingDeadLettered());
    long lagging = views.lagging(placed);
    checks.add(
        new Check(
            "order views caught up",
            lagging == 0,
            lagging == 0
                ? "every order's view shows its status"
                : lagging + " views do not show their order's status"));
    return checks;
  }

  private Check nothingDeadLettered() {
    Map<String, Long> held = new TreeMap<>(cloud.deadLetters());
    held.values().removeIf(count -> count == 0);
    return new Check(
        "nothing dead-lettered",
        held.isEmpty(),
        held.isEmpty()
            ? cloud.deadLetters().size() + " dead-letter queues empty"
            : "messages held: " + held);
  }

  private Check everyOrderTerminal() {
    List<String> open = new ArrayList<>();
    for (Placed order : placed) {
      Map<String, AttributeValue> item = orders.get(order.orderId());
      if (item == null || "PENDING".equals(s(item, "status"))) {
        open.add(order.orderId());
      }
    }
    return new Check(
        "every order terminal",
        open.isEmpty() && allTerminalInTime,
        open.isEmpty()
            ? placed.size() + " of " + placed.size() + " CONFIRMED or CANCELLED"
            : open.size() + " not terminal, e.g. " + open.subList(0, Math.min(3, open.size())));
  }

  private Check oneSagaPerOrder(Executions executions) {
    Map<String, Long> byName = executions.countByName();
    long missing = placed.stream().filter(o -> !byName.containsKey(o.orderId())).count();
    long extra = byName.values().stream().filter(c -> c > 1).count();
    long unknown =
        byName.keySet().stream()
            .filter(name -> placed.stream().noneMatch(o -> o.orderId().equals(name)))
            .count();
    return new Check(
        "one saga per order",
        missing == 0 && extra == 0,
        executions.all().size()
            + " executions for "
            + placed.size()
            + " orders; missing "
            + missing
            + ", duplicated "
            + extra
            + (unknown > 0 ? ", from earlier runs " + unknown : ""));
  }

  private Check noDoubleCharge() {
    List<String> wrong = new ArrayList<>();
    for (Placed order : placed) {
      String status = s(orders.getOrDefault(order.orderId(), Map.of()), "status");
      Map<String, AttributeValue> charge = charges.get(order.orderId());
      String chargeStatus = charge == null ? "NONE" : s(charge, "status");
      long events = chargedEvents.getOrDefault(order.orderId(), 0L);
      boolean ok =
          events <= 1
              && ("CONFIRMED".equals(status)
                  ? "CHARGED".equals(chargeStatus) && events == 1
                  : !"CHARGED".equals(chargeStatus));
      if (!ok) {
        wrong.add(
            order.orderId() + " " + status + "/" + chargeStatus + "/" + events + " PaymentCharged");
      }
    }
    return new Check(
        "no double charge",
        wrong.isEmpty(),
        wrong.isEmpty()
            ? "confirmed orders charged once, cancelled ones hold no charge"
            : wrong.size() + " orders wrong, e.g. " + wrong.subList(0, Math.min(3, wrong.size())));
  }

  private Check noLeakedReservation() {
    List<String> wrong = new ArrayList<>();
    for (Placed order : placed) {
      String status = s(orders.getOrDefault(order.orderId(), Map.of()), "status");
      Map<String, AttributeValue> reservation = reservations.get(order.orderId());
      boolean held = reservation != null && "RESERVED".equals(s(reservation, "status"));
      if ("CONFIRMED".equals(status) != held) {
        wrong.add(order.orderId() + " " + status + (held ? " holds stock" : " holds none"));
      }
    }
    return new Check(
        "no leaked reservation",
        wrong.isEmpty(),
        wrong.isEmpty()
            ? "stock is held exactly for confirmed orders"
            : wrong.size() + " orders wrong, e.g. " + wrong.subList(0, Math.min(3, wrong.size())));
  }

  private Check stockConserved() {
    Map<String, Long> confirmedQuantity = new HashMap<>();
    for (Placed order : placed) {
      if ("CONFIRMED".equals(s(orders.getOrDefault(order.orderId(), Map.of()), "status"))) {
        for (Line line : order.plan().lines()) {
          confirmedQuantity.merge(
              order.plan().tenant() + "/" + line.sku(), (long) line.quantity(), Long::sum);
        }
      }
    }
    List<String> wrong = new ArrayList<>();
    for (String tenant : plan.tenants()) {
      for (String sku : List.of(DemoPlan.PLENTIFUL_SKU, DemoPlan.SCARCE_SKU, DemoPlan.SIDE_SKU)) {
        String key = tenant + "/" + sku;
        long seeded = DemoPlan.SCARCE_SKU.equals(sku) ? plan.scarceStock() : plan.plentifulStock();
        long[] level = stock.getOrDefault(key, new long[] {-1, -1});
        long reserved = confirmedQuantity.getOrDefault(key, 0L);
        if (level[0] + level[1] != seeded || level[1] != reserved) {
          wrong.add(
              key
                  + " available "
                  + level[0]
                  + " + reserved "
                  + level[1]
                  + ", seeded "
                  + seeded
                  + ", confirmed "
                  + reserved);
        }
      }
    }
    return new Check(
        "stock conserved",
        wrong.isEmpty(),
        wrong.isEmpty()
            ? "available + reserved = seeded, reserved = confirmed quantities, for every SKU"
            : String.join("; ", wrong));
  }

  private Check oneNotificationPerEvent() {
    Map<String, Long> perOrder = new HashMap<>();
    Map<String, Long> welcomes = new HashMap<>();
    for (SentEmail mail : cloud.mails()) {
      String subject = mail.subject();
      if (subject.startsWith("Your order ")) {
        perOrder.merge(subject.split(" ")[2], 1L, Long::sum);
      } else if (subject.startsWith("Welcome")) {
        welcomes.merge(String.join(",", mail.to()), 1L, Long::sum);
      }
    }
    long ordersWrong =
        placed.stream().filter(o -> perOrder.getOrDefault(o.orderId(), 0L) != 1L).count();
    long users = customerEmails.size();
    long welcomesWrong =
        customerEmails.stream().filter(to -> welcomes.getOrDefault(to, 0L) != 1L).count();
    long welcomed = customerEmails.stream().filter(welcomes::containsKey).count();
    boolean ok = ordersWrong == 0 && welcomesWrong == 0;
    String wrongOnes =
        ok
            ? ""
            : " ("
                + Stream.concat(
                        placed.stream()
                            .map(Placed::orderId)
                            .filter(id -> perOrder.getOrDefault(id, 0L) != 1L)
                            .map(id -> "order " + id + ": " + perOrder.getOrDefault(id, 0L)),
                        customerEmails.stream()
                            .sorted()
                            .filter(to -> welcomes.getOrDefault(to, 0L) != 1L)
                            .map(to -> to + ": " + welcomes.getOrDefault(to, 0L)))
                    .limit(10)
                    .collect(Collectors.joining(", "))
                + ")";
    return new Check(
        "exactly one notification per event",
        ok,
        "orders with ≠1 mail: "
            + ordersWrong
            + "; customers with ≠1 welcome: "
            + welcomesWrong
            + "; welcomed "
            + welcomed
            + " of "
            + users
            + "; mails "
            + cloud.mails().size()
            + wrongOnes);
  }

  /** Whether the order views show each order's current status (the projection caught up). */
  static final class Views {
    private final DemoCloud cloud;

    Views(DemoCloud cloud) {
      this.cloud = cloud;
    }

    long lagging(List<Placed> placed) {
      Map<String, String> viewStatus = new HashMap<>();
      for (Map<String, AttributeValue> item :
          Snapshot.scan(cloud.dynamo(), cloud.tableName("OrderViewsTable"))) {
        if (!"VIEW".equals(s(item, "sk")) || item.get("placedAt") == null) {
          continue;
        }
        String latest = null;
        String status = null;
        for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
          if (e.getKey().startsWith("hist#")
              && (latest == null || e.getKey().compareTo(latest) > 0)) {
            latest = e.getKey();
            status = e.getValue().m().get("status").s();
          }
        }
        viewStatus.put(s(item, "orderId"), status);
      }
      Map<String, String> statuses = statuses(cloud);
      return placed.stream()
          .filter(
              o ->
                  !java.util.Objects.equals(viewStatus.get(o.orderId()), statuses.get(o.orderId())))
          .count();
    }
  }
}
