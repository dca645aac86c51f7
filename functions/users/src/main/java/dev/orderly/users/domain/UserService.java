package dev.orderly.users.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/** The users use cases: register, read, update with optimistic locking. */
public final class UserService {
  private final UserStore store;
  private final Clock clock;
  private final Supplier<String> ids;

  /**
   * @param ids new user and event ids (random UUIDs in production)
   */
  public UserService(UserStore store, Clock clock, Supplier<String> ids) {
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.ids = Objects.requireNonNull(ids, "ids");
  }

  public Registration register(RegisterUser command) {
    Instant now = clock.instant();
    User user = User.registered(command.tenant(), ids.get(), command.email(), command.name(), now);
    return store.create(
        user, new UserEvent(UserEvent.REGISTERED, ids.get(), command.correlationId(), now, user));
  }

  public Optional<User> find(String tenant, String userId) {
    return store.find(tenant, userId);
  }

  /**
   * Checks the version against a fresh read first (the common stale case costs no transaction),
   * then lets the store's conditional write decide races. An update that changes nothing writes
   * nothing and publishes nothing.
   */
  public Update update(UpdateUser command) {
    Optional<User> found = store.find(command.tenant(), command.userId());
    if (found.isEmpty()) {
      return new Update.NotFound();
    }
    User current = found.get();
    if (current.version() != command.expectedVersion()) {
      return new Update.VersionMismatch(current.version());
    }
    if (current.unchangedBy(command.email(), command.name())) {
      return new Update.Updated(current);
    }
    Instant now = clock.instant();
    User next = current.changed(command.email(), command.name(), now);
    return store.update(
        current,
        next,
        new UserEvent(UserEvent.UPDATED, ids.get(), command.correlationId(), now, next));
  }
}
