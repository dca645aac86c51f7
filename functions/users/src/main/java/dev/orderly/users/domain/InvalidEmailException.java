package dev.orderly.users.domain;

/** An email address breaks one of {@link Email}'s rules; the message names the rule for clients. */
public final class InvalidEmailException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public InvalidEmailException(String rule) {
    super(rule);
  }
}
