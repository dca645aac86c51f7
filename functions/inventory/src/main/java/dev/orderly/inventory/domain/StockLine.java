package dev.orderly.inventory.domain;

/** A quantity of one SKU, as an order line asks for it and as a reservation holds it. */
public record StockLine(String sku, int quantity) {
  /** More than can ever be in stock: a line above it can never be reserved. */
  public static final int MAX_QUANTITY = StockLevel.MAX_AVAILABLE;

  public StockLine {
    Ids.sku(sku);
    if (quantity < 1 || quantity > MAX_QUANTITY) {
      throw new IllegalArgumentException(
          "quantity of " + sku + " must be between 1 and " + MAX_QUANTITY + ": " + quantity);
    }
  }
}
