package dev.orderly.payments.domain;

import java.util.regex.Pattern;

/**
 * The identifiers payments accepts, checked where commands are built so that a malformed one never
 * reaches a key: tenants as the API admits them, order ids as execution names allow.
 */
public final class Ids {
  private static final Pattern TENANT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
  private static final Pattern ORDER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,79}");
  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

  private Ids() {}

  public static String tenant(String tenantId) {
    return matching(TENANT, tenantId, "tenantId");
  }

  public static String order(String orderId) {
    return matching(ORDER, orderId, "orderId");
  }

  /** An ISO 4217 alphabetic code's shape. */
  public static String currency(String currency) {
    return matching(CURRENCY, currency, "currency");
  }

  /** A required free-form text of at most {@code max} characters. */
  public static String text(String value, String name, int max) {
    if (value == null || value.isBlank() || value.length() > max) {
      throw new IllegalArgumentException(name + " must be 1 to " + max + " characters: " + value);
    }
    return value;
  }

  private static String matching(Pattern pattern, String value, String name) {
    if (value == null || !pattern.matcher(value).matches()) {
      throw new IllegalArgumentException(name + " must match " + pattern.pattern() + ": " + value);
    }
    return value;
  }
}
