package dev.orderly.users.domain;

/**
 * How a user is addressed in mail and shown in order views: 1 to 100 characters once trimmed, no
 * control characters (they would break mail headers and log lines).
 */
public record UserName(String value) {
  public static final int MAX_LENGTH = 100;

  public UserName {
    if (value == null || value.isBlank()) {
      throw new InvalidNameException("must not be blank");
    }
    if (!value.equals(value.strip())) {
      throw new InvalidNameException("must not start or end with whitespace");
    }
    if (value.length() > MAX_LENGTH) {
      throw new InvalidNameException("must be at most " + MAX_LENGTH + " characters");
    }
    if (value.codePoints().anyMatch(Character::isISOControl)) {
      throw new InvalidNameException("must not contain control characters");
    }
  }

  /** Trims {@code raw} and checks every rule. */
  public static UserName parse(String raw) {
    if (raw == null) {
      throw new InvalidNameException("is required");
    }
    return new UserName(raw.strip());
  }

  @Override
  public String toString() {
    return value;
  }
}
