package dev.orderly.users.domain;

/** A user's name breaks one of {@link UserName}'s rules; the message names the rule for clients. */
public final class InvalidNameException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public InvalidNameException(String rule) {
    super(rule);
  }
}
