package dev.orderly.users.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * Change a user's name and/or email, provided the user is still at {@code expectedVersion} (the
 * version the client read): optimistic locking, so two editors cannot silently overwrite each
 * other.
 */
public record UpdateUser(
    String tenant,
    String userId,
    long expectedVersion,
    Optional<Email> email,
    Optional<UserName> name,
    String correlationId) {

  public UpdateUser {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(userId, "userId");
    if (expectedVersion < 1) {
      throw new IllegalArgumentException("expectedVersion must be at least 1: " + expectedVersion);
    }
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(name, "name");
    if (email.isEmpty() && name.isEmpty()) {
      throw new IllegalArgumentException("an update must change the email, the name or both");
    }
    Objects.requireNonNull(correlationId, "correlationId");
  }
}
