package dev.orderly.orderviews.domain;

/** A user's registration or update: the name the order views show, at the user's version. */
public record CustomerChange(String tenant, String userId, String name, long version)
    implements ProjectionEvent {
  public static final int MAX_NAME = 200;

  public CustomerChange {
    Ids.tenant(tenant);
    Ids.id("userId", userId);
    if (name == null || name.isBlank() || name.length() > MAX_NAME) {
      throw new IllegalArgumentException("name must be 1 to " + MAX_NAME + " characters");
    }
    if (version < 1) {
      throw new IllegalArgumentException("version must be at least 1: " + version);
    }
  }
}
