package dev.orderly.orders.domain;

import java.util.Currency;
import java.util.regex.Pattern;

/**
 * Which currency codes an order may use: an ISO 4217 code as {@link Currency} knows it, written in
 * upper case, and one with minor units. Codes without minor units ({@code XXX} "no currency",
 * {@code XTS} testing, gold, silver, SDR: {@link Currency#getDefaultFractionDigits()} is -1) are
 * refused, since prices are integers in minor units.
 */
public final class Currencies {
  private static final Pattern CODE = Pattern.compile("[A-Z]{3}");

  private Currencies() {}

  public static boolean accepted(String code) {
    if (code == null || !CODE.matcher(code).matches()) {
      return false;
    }
    try {
      return Currency.getInstance(code).getDefaultFractionDigits() >= 0;
    } catch (IllegalArgumentException unknown) {
      return false;
    }
  }
}
