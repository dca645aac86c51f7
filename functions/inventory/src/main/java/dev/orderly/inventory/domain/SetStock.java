package dev.orderly.inventory.domain;

/** Stock administration: the tenant's SKU now has {@code available} units to sell. */
public record SetStock(String tenantId, String sku, int available) {
  public SetStock {
    Ids.tenant(tenantId);
    Ids.sku(sku);
    if (available < 0 || available > StockLevel.MAX_AVAILABLE) {
      throw new IllegalArgumentException(
          "available must be between 0 and " + StockLevel.MAX_AVAILABLE + ": " + available);
    }
  }
}
