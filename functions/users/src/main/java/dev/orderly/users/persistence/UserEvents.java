package dev.orderly.users.persistence;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderly.outbox.EventEnvelope;
import dev.orderly.outbox.OutboxEntry;
import dev.orderly.users.domain.User;
import dev.orderly.users.domain.UserEvent;

/**
 * User events as the outbox carries them: source {@code orderly.users}, data {@code {userId, email,
 * name, version}}; the aggregate is the user's key and the position its version, so two writers
 * that raced on one version cannot both publish.
 */
final class UserEvents {
  static final String SOURCE = "orderly.users";
  static final int SCHEMA_VERSION = 1;

  private UserEvents() {}

  static OutboxEntry outboxEntry(UserEvent event) {
    User user = event.user();
    return new OutboxEntry(
        UserItems.userPk(user.tenant(), user.userId()), user.version(), envelope(event));
  }

  static EventEnvelope envelope(UserEvent event) {
    User user = event.user();
    ObjectNode data = JsonNodeFactory.instance.objectNode();
    data.put("userId", user.userId());
    data.put("email", user.email().address());
    data.put("name", user.name().value());
    data.put("version", user.version());
    return new EventEnvelope(
        SOURCE,
        event.type(),
        event.eventId(),
        user.tenant(),
        event.correlationId(),
        event.occurredAt(),
        SCHEMA_VERSION,
        data);
  }
}
