package dev.orderly.orders.domain;

/**
 * One line of an order: a SKU, how many, and the price of one unit in the currency's minor units
 * (cents), an integer so that totals are exact.
 */
public record OrderLine(String sku, int quantity, long unitPrice) {
  public OrderLine {
    OrderLimits.text(sku, "sku", OrderLimits.MAX_SKU_LENGTH);
    if (quantity < OrderLimits.MIN_QUANTITY || quantity > OrderLimits.MAX_QUANTITY) {
      throw new IllegalArgumentException(
          "quantity must be between "
              + OrderLimits.MIN_QUANTITY
              + " and "
              + OrderLimits.MAX_QUANTITY
              + ": "
              + quantity);
    }
    if (unitPrice < OrderLimits.MIN_UNIT_PRICE || unitPrice > OrderLimits.MAX_UNIT_PRICE) {
      throw new IllegalArgumentException(
          "unitPrice must be between "
              + OrderLimits.MIN_UNIT_PRICE
              + " and "
              + OrderLimits.MAX_UNIT_PRICE
              + ": "
              + unitPrice);
    }
  }

  /** Quantity times unit price; exact (the limits keep it far from overflow, and it is checked). */
  public long lineTotal() {
    return Math.multiplyExact(unitPrice, quantity);
  }
}
