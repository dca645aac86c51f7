package dev.orderly.users.domain;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A deliverable-looking email address in its normalised form: what a registration form should
 * accept, not the whole RFC 5322 grammar (no quoted local parts, comments or address literals;
 * internationalised domains in their ASCII, punycode form). Limits are RFC 5321's: 254 characters
 * in all, 64 in the local part, 63 per domain label.
 *
 * <p>Normalised means trimmed with the domain lower-cased (domains are case-insensitive); the local
 * part keeps its case because the address is shown and mailed as given. Uniqueness is still decided
 * on the fully lower-cased address ({@link #claimKey()}): no mail provider in practice treats
 * {@code Alice@} and {@code alice@} as two people, and one person must not register twice.
 */
public record Email(String address) {
  public static final int MAX_LENGTH = 254;
  public static final int MAX_LOCAL_LENGTH = 64;
  public static final int MAX_LABEL_LENGTH = 63;

  private static final Pattern LOCAL = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+");
  private static final Pattern LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9-]*[a-z0-9])?");

  public Email {
    check(address);
  }

  /** Trims {@code raw}, lower-cases its domain and checks every rule. */
  public static Email parse(String raw) {
    if (raw == null) {
      throw new InvalidEmailException("is required");
    }
    String trimmed = raw.strip();
    int at = trimmed.lastIndexOf('@');
    String normalised =
        at < 0
            ? trimmed
            : trimmed.substring(0, at) + "@" + trimmed.substring(at + 1).toLowerCase(Locale.ROOT);
    return new Email(normalised);
  }

  /** What uniqueness is decided on: the whole address, lower-cased. */
  public String claimKey() {
    return address.toLowerCase(Locale.ROOT);
  }

  public String localPart() {
    return address.substring(0, address.indexOf('@'));
  }

  public String domain() {
    return address.substring(address.indexOf('@') + 1);
  }

  @Override
  public String toString() {
    return address;
  }

  private static void check(String address) {
    if (address == null || address.isEmpty()) {
      throw new InvalidEmailException("must not be blank");
    }
    if (address.length() > MAX_LENGTH) {
      throw new InvalidEmailException("must be at most " + MAX_LENGTH + " characters");
    }
    if (address
        .codePoints()
        .anyMatch(
            c ->
                Character.isWhitespace(c)
                    || Character.isSpaceChar(c)
                    || Character.isISOControl(c))) {
      throw new InvalidEmailException("must not contain whitespace or control characters");
    }
    int at = address.indexOf('@');
    if (at < 0 || at != address.lastIndexOf('@')) {
      throw new InvalidEmailException("must contain exactly one @");
    }
    checkLocalPart(address.substring(0, at));
    checkDomain(address.substring(at + 1));
  }

  private static void checkLocalPart(String local) {
    if (local.isEmpty()) {
      throw new InvalidEmailException("must have a local part before the @");
    }
    if (local.length() > MAX_LOCAL_LENGTH) {
      throw new InvalidEmailException(
          "local part must be at most " + MAX_LOCAL_LENGTH + " characters");
    }
    if (!LOCAL.matcher(local).matches()) {
      throw new InvalidEmailException(
          "local part may contain only letters, digits, dots and !#$%&'*+/=?^_`{|}~-");
    }
    if (local.startsWith(".") || local.endsWith(".") || local.contains("..")) {
      throw new InvalidEmailException(
          "local part must not start or end with a dot or have two dots in a row");
    }
  }

  private static void checkDomain(String domain) {
    if (domain.isEmpty()) {
      throw new InvalidEmailException("must have a domain after the @");
    }
    if (!domain.equals(domain.toLowerCase(Locale.ROOT))) {
      throw new InvalidEmailException("domain must be lower-case (use Email.parse to normalise)");
    }
    if (!domain.contains(".")) {
      throw new InvalidEmailException("domain must contain a dot");
    }
    for (String label : domain.split("\\.", -1)) {
      if (label.isEmpty() || label.length() > MAX_LABEL_LENGTH) {
        throw new InvalidEmailException(
            "domain labels must be 1 to " + MAX_LABEL_LENGTH + " characters between dots");
      }
      if (!LABEL.matcher(label).matches()) {
        throw new InvalidEmailException(
            "domain labels may contain only letters, digits and inner hyphens");
      }
    }
  }
}
