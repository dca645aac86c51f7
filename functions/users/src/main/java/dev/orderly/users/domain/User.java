package dev.orderly.users.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A registered user of one tenant. {@code version} starts at 1 and grows by one with every change:
 * it is the ETag clients send back in {@code If-Match}, and the position of the change's event in
 * the user's outbox stream.
 */
public record User(
    String tenant,
    String userId,
    Email email,
    UserName name,
    long version,
    Instant createdAt,
    Instant updatedAt) {

  public User {
    requireText(tenant, "tenant");
    requireText(userId, "userId");
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(name, "name");
    if (version < 1) {
      throw new IllegalArgumentException("version must be at least 1: " + version);
    }
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }

  /** A new user: version 1. */
  public static User registered(
      String tenant, String userId, Email email, UserName name, Instant now) {
    return new User(tenant, userId, email, name, 1, now, now);
  }

  /** This user with the given changes applied, one version later. */
  public User changed(Optional<Email> newEmail, Optional<UserName> newName, Instant now) {
    return new User(
        tenant, userId, newEmail.orElse(email), newName.orElse(name), version + 1, createdAt, now);
  }

  /** Whether applying the changes would leave the user as it is. */
  public boolean unchangedBy(Optional<Email> newEmail, Optional<UserName> newName) {
    return newEmail.map(email::equals).orElse(true) && newName.map(name::equals).orElse(true);
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }
}
