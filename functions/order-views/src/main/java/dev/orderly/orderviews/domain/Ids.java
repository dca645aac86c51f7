package dev.orderly.orderviews.domain;

import java.util.regex.Pattern;

/**
 * The identifiers the read model keys items by. They end up inside {@code T#<tenant>#...} keys, so
 * a {@code #} in one could forge another key; the tenant follows the JWT claim's rule.
 */
public final class Ids {
  private static final Pattern TENANT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
  private static final Pattern ID = Pattern.compile("[^#\\s]{1,128}");

  private Ids() {}

  public static String tenant(String value) {
    if (value == null || !TENANT.matcher(value).matches()) {
      throw new IllegalArgumentException("tenant must match " + TENANT + ": " + value);
    }
    return value;
  }

  public static String id(String name, String value) {
    if (value == null || !ID.matcher(value).matches()) {
      throw new IllegalArgumentException(
          name + " must be 1 to 128 characters without '#' or spaces: " + value);
    }
    return value;
  }
}
