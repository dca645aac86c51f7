package dev.orderly.orders.domain;

import java.util.Objects;

/**
 * Why the saga cancelled an order: a stable code (the failed step's error code, {@code
 * OUT_OF_STOCK}, {@code PAYMENT_DECLINED}, ...) and a free-text detail for people.
 */
public record CancellationReason(String code, String detail) {
  public static final int MAX_CODE_LENGTH = 64;
  public static final int MAX_DETAIL_LENGTH = 1024;

  /** The code used when the saga sent none. */
  public static final String UNSPECIFIED = "UNSPECIFIED";

  public CancellationReason {
    OrderLimits.text(code, "reason.code", MAX_CODE_LENGTH);
    Objects.requireNonNull(detail, "detail");
    if (detail.length() > MAX_DETAIL_LENGTH) {
      throw new IllegalArgumentException(
          "reason.detail must be at most " + MAX_DETAIL_LENGTH + " characters");
    }
  }

  /**
   * The reason a compensation was given, made acceptable rather than refused: a compensation must
   * not fail over its wording. A missing or blank code becomes {@link #UNSPECIFIED}; an overlong
   * code or detail (a Step Functions error cause can be a whole error document) is cut.
   */
  public static CancellationReason lenient(String code, String detail) {
    String c = code == null || code.isBlank() ? UNSPECIFIED : code.strip();
    String d = detail == null ? "" : detail;
    return new CancellationReason(cut(c, MAX_CODE_LENGTH), cut(d, MAX_DETAIL_LENGTH));
  }

  private static String cut(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max);
  }
}
