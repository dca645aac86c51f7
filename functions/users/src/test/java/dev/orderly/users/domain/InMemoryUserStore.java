package dev.orderly.users.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The store's contract in memory, for the service's rules; the DynamoDB store has its own test. */
final class InMemoryUserStore implements UserStore {
  private final Map<String, User> users = new HashMap<>();
  private final Map<String, String> claims = new HashMap<>();
  final List<UserEvent> events = new ArrayList<>();
  int writes;

  @Override
  public synchronized Optional<User> find(String tenant, String userId) {
    return Optional.ofNullable(users.get(tenant + "/" + userId));
  }

  @Override
  public synchronized Registration create(User user, UserEvent event) {
    writes++;
    String claim = user.tenant() + "/" + user.email().claimKey();
    if (claims.containsKey(claim)) {
      return new Registration.EmailTaken(user.email());
    }
    claims.put(claim, user.userId());
    users.put(user.tenant() + "/" + user.userId(), user);
    events.add(event);
    return new Registration.Registered(user);
  }

  @Override
  public synchronized Update update(User current, User next, UserEvent event) {
    writes++;
    User stored = users.get(current.tenant() + "/" + current.userId());
    if (stored == null) {
      return new Update.NotFound();
    }
    if (stored.version() != current.version()) {
      return new Update.VersionMismatch(stored.version());
    }
    String oldClaim = current.tenant() + "/" + current.email().claimKey();
    String newClaim = next.tenant() + "/" + next.email().claimKey();
    if (!oldClaim.equals(newClaim)) {
      if (claims.containsKey(newClaim)) {
        return new Update.EmailTaken(next.email());
      }
      claims.remove(oldClaim);
      claims.put(newClaim, next.userId());
    }
    users.put(next.tenant() + "/" + next.userId(), next);
    events.add(event);
    return new Update.Updated(next);
  }
}
