package dev.orderly.orderviews.domain;

import java.util.regex.Pattern;

/**
 * An order's total in minor units of one ISO 4217 currency. Zero is accepted: a read model should
 * not refuse what the writing side decided to allow.
 */
public record Money(long total, String currency) {
  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

  public Money {
    if (total < 0) {
      throw new IllegalArgumentException("total must not be negative: " + total);
    }
    if (currency == null || !CURRENCY.matcher(currency).matches()) {
      throw new IllegalArgumentException("currency must be three capital letters: " + currency);
    }
  }
}
