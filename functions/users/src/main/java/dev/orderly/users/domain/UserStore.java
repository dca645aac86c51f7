package dev.orderly.users.domain;

import java.util.Optional;

/**
 * Where users live. Each write is atomic with its event and with the tenant's unique-email claim,
 * so the store, not a read before the write, is what decides that an email is taken or that a
 * version is stale.
 */
public interface UserStore {
  Optional<User> find(String tenant, String userId);

  /** Writes a new user, claims its email and records the event, all or nothing. */
  Registration create(User user, UserEvent event);

  /**
   * Replaces {@code current} by {@code next} if the stored user is still at {@code
   * current.version()}, moving the email claim when the email changes, and records the event.
   */
  Update update(User current, User next, UserEvent event);
}
