package dev.orderly.users.wiring;

import dev.orderly.lambda.config.ConfigurationException;
import dev.orderly.lambda.config.Environment;
import java.util.Objects;
import java.util.Optional;

/**
 * The users functions' settings, read once from their environment: {@code USERS_TABLE}, and {@code
 * IDEMPOTENCY_TABLE} for the function that takes Idempotency-Keys (the others need not have it).
 */
public record UsersConfig(String usersTable, Optional<String> idempotencyTable) {
  public UsersConfig {
    Objects.requireNonNull(usersTable, "usersTable");
    Objects.requireNonNull(idempotencyTable, "idempotencyTable");
  }

  public static UsersConfig from(Environment env) {
    return new UsersConfig(env.require("USERS_TABLE"), env.optional("IDEMPOTENCY_TABLE"));
  }

  public String requireIdempotencyTable() {
    return idempotencyTable.orElseThrow(
        () -> new ConfigurationException("environment variable IDEMPOTENCY_TABLE is not set"));
  }
}
