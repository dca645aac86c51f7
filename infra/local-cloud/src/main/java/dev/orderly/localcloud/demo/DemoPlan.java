package dev.orderly.localcloud.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * What the demo will do, fixed by a seed before anything runs: tenants, their stock and customers,
 * and every order with its kind, customer and lines. The same seed plans the same demo.
 */
public record DemoPlan(
    List<String> tenants,
    int customersPerTenant,
    long plentifulStock,
    long scarceStock,
    List<PlannedOrder> orders,
    double duplicateEventShare) {
  public static final String PLENTIFUL_SKU = "SKU-MUG";
  public static final String SCARCE_SKU = "SKU-LAMP";
  public static final String SIDE_SKU = "SKU-TEA";

  /** One order: who, which kind, what lines (sku, quantity, unit price in cents). */
  public record PlannedOrder(
      int index, String tenant, int customer, OrderKind kind, List<Line> lines) {}

  public record Line(String sku, int quantity, long unitPrice) {}

  public static DemoPlan of(int orders, long seed) {
    Random random = new Random(seed);
    List<String> tenants = List.of("acme", "globex");
    int customers = 10;
    List<PlannedOrder> planned = new ArrayList<>(orders);
    for (int i = 0; i < orders; i++) {
      OrderKind kind = OrderKind.pick(random.nextInt(1000));
      String tenant = tenants.get(random.nextInt(tenants.size()));
      List<Line> lines = new ArrayList<>();
      if (kind == OrderKind.SCARCE) {
        lines.add(new Line(SCARCE_SKU, 1 + random.nextInt(3), 4_900));
      } else {
        lines.add(new Line(PLENTIFUL_SKU, 1 + random.nextInt(4), 1_250));
      }
      if (random.nextBoolean()) {
        lines.add(new Line(SIDE_SKU, 1 + random.nextInt(2), 899));
      }
      planned.add(new PlannedOrder(i, tenant, random.nextInt(customers), kind, List.copyOf(lines)));
    }
    return new DemoPlan(tenants, customers, 1_000_000, Math.max(10, orders / 20), planned, 0.05);
  }
}
