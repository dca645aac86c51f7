package dev.orderly.inventory.domain;

/**
 * One SKU's stock for a tenant: {@code available} can be reserved, {@code reserved} is held by
 * orders whose saga has not finished. Setting the level changes only what is available.
 */
public record StockLevel(String sku, long available, long reserved) {
  /** The most stock a SKU may hold: keeps every sum of quantities far from overflow. */
  public static final int MAX_AVAILABLE = 1_000_000;

  public StockLevel {
    Ids.sku(sku);
    if (available < 0) {
      throw new IllegalArgumentException("available must not be negative: " + available);
    }
    if (reserved < 0) {
      throw new IllegalArgumentException("reserved must not be negative: " + reserved);
    }
  }
}
