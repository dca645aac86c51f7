package dev.orderly.inventory.domain;

import java.util.regex.Pattern;

/**
 * The identifiers inventory accepts, checked where commands are built so that a malformed one never
 * reaches a key: tenants as the API admits them, order ids as execution names allow (the saga runs
 * one execution per order), SKUs as the catalogue writes them.
 */
public final class Ids {
  private static final Pattern TENANT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
  private static final Pattern ORDER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,79}");
  private static final Pattern SKU = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  private static final int MAX_REQUEST_ID = 256;

  private Ids() {}

  public static String tenant(String tenantId) {
    return matching(TENANT, tenantId, "tenantId");
  }

  public static String order(String orderId) {
    return matching(ORDER, orderId, "orderId");
  }

  public static String sku(String sku) {
    return matching(SKU, sku, "sku");
  }

  public static boolean validSku(String sku) {
    return sku != null && SKU.matcher(sku).matches();
  }

  public static String requestId(String requestId) {
    if (requestId == null || requestId.isBlank() || requestId.length() > MAX_REQUEST_ID) {
      throw new IllegalArgumentException(
          "requestId must be 1 to " + MAX_REQUEST_ID + " characters: " + requestId);
    }
    return requestId;
  }

  private static String matching(Pattern pattern, String value, String name) {
    if (value == null || !pattern.matcher(value).matches()) {
      throw new IllegalArgumentException(name + " must match " + pattern.pattern() + ": " + value);
    }
    return value;
  }
}
