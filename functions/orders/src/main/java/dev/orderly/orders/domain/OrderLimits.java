package dev.orderly.orders.domain;

/**
 * The bounds an order must stay within, shared by the HTTP parser (which reports each breach as a
 * field violation) and the domain records (which refuse to exist outside them).
 *
 * <p>With at most {@value #MAX_LINES} lines of at most {@value #MAX_QUANTITY} units at most {@value
 * #MAX_UNIT_PRICE} minor units each, a total is at most 5 * 10^12 minor units: far inside a {@code
 * long}, and inside JavaScript's safe integers (2^53) for clients that read JSON numbers as
 * doubles. A million a unit in a two-decimal currency is more than any retail order needs.
 */
public final class OrderLimits {
  public static final int MIN_LINES = 1;
  public static final int MAX_LINES = 50;
  public static final int MIN_QUANTITY = 1;
  public static final int MAX_QUANTITY = 1000;
  public static final long MIN_UNIT_PRICE = 1;
  public static final long MAX_UNIT_PRICE = 100_000_000L;
  public static final int MAX_SKU_LENGTH = 64;
  public static final int MAX_CUSTOMER_ID_LENGTH = 64;
  public static final int MAX_PAYMENT_TOKEN_LENGTH = 256;
  public static final int MAX_ORDER_ID_LENGTH = 64;

  private OrderLimits() {}

  /** Refuses a blank or overlong text, naming the field. */
  static String text(String value, String field, int maxLength) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " must not be blank");
    }
    if (value.length() > maxLength) {
      throw new IllegalArgumentException(field + " must be at most " + maxLength + " characters");
    }
    return value;
  }
}
