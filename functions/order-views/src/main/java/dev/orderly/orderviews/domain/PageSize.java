package dev.orderly.orderviews.domain;

/** How many views one page holds: 1 to 100, 20 unless the caller asks otherwise. */
public record PageSize(int value) {
  public static final int MIN = 1;
  public static final int MAX = 100;
  public static final PageSize DEFAULT = new PageSize(20);

  public PageSize {
    if (value < MIN || value > MAX) {
      throw new IllegalArgumentException("page size must be between 1 and 100: " + value);
    }
  }

  public static boolean allows(long value) {
    return value >= MIN && value <= MAX;
  }
}
