package dev.orderly.users.domain;

/** How an update ended. Only {@link Updated} changed anything. */
public sealed interface Update {
  /** The user as it is now (unchanged, same version, when the update changed nothing). */
  record Updated(User user) implements Update {}

  /** No such user in the tenant. */
  record NotFound() implements Update {}

  /** The user has moved on from the version the client read; here is where it is. */
  record VersionMismatch(long currentVersion) implements Update {}

  /** The new email belongs to another user of the tenant. */
  record EmailTaken(Email email) implements Update {}
}
