package dev.orderly.users.domain;

import java.util.Objects;

/** Register a user in a tenant; the email must not be registered there yet. */
public record RegisterUser(String tenant, Email email, UserName name, String correlationId) {
  public RegisterUser {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(correlationId, "correlationId");
  }
}
