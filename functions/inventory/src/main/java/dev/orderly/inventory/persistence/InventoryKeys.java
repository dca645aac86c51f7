package dev.orderly.inventory.persistence;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The inventory table's keys, every one starting with the tenant: a SKU's stock {@code
 * T#<t>#SKU#<sku> / STOCK}, an order's reservation {@code T#<t>#RES#<orderId> / RESERVATION}. The
 * reservation's outbox entries use the reservation's partition key as their aggregate.
 */
final class InventoryKeys {
  static final String STOCK = "STOCK";
  static final String RESERVATION = "RESERVATION";

  private InventoryKeys() {}

  static String stockPk(String tenantId, String sku) {
    return "T#" + tenantId + "#SKU#" + sku;
  }

  static String reservationPk(String tenantId, String orderId) {
    return "T#" + tenantId + "#RES#" + orderId;
  }

  static Map<String, AttributeValue> stock(String tenantId, String sku) {
    return key(stockPk(tenantId, sku), STOCK);
  }

  static Map<String, AttributeValue> reservation(String tenantId, String orderId) {
    return key(reservationPk(tenantId, orderId), RESERVATION);
  }

  private static Map<String, AttributeValue> key(String pk, String sk) {
    return Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk));
  }
}
