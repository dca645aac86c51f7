package dev.orderly.users.domain;

/** How a registration ended: the user exists now, or the email already belonged to someone. */
public sealed interface Registration {
  record Registered(User user) implements Registration {}

  record EmailTaken(Email email) implements Registration {}
}
