package dev.orderly.users.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A change to a user, published as {@code UserRegistered} or {@code UserUpdated} with the user's
 * state after it: consumers (notifications, order views) keep their own copy of what they need.
 */
public record UserEvent(
    String type, String eventId, String correlationId, Instant occurredAt, User user) {
  public static final String REGISTERED = "UserRegistered";
  public static final String UPDATED = "UserUpdated";

  public UserEvent {
    if (!Set.of(REGISTERED, UPDATED).contains(type)) {
      throw new IllegalArgumentException("not a user event type: " + type);
    }
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(correlationId, "correlationId");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(user, "user");
  }
}
