package dev.orderly.notifications.domain;

import java.util.Objects;

/**
 * One plain-text mail to one recipient. The subject may not hold line breaks: a header built from
 * event data must not be able to inject further headers.
 */
public record EmailMessage(String to, String subject, String body) {
  public static final int MAX_SUBJECT_LENGTH = 200;

  public EmailMessage {
    if (to == null
        || to.isBlank()
        || to.indexOf('@') < 1
        || to.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException("to must be one email address: " + to);
    }
    if (subject == null || subject.isBlank()) {
      throw new IllegalArgumentException("subject must not be blank");
    }
    if (subject.length() > MAX_SUBJECT_LENGTH) {
      throw new IllegalArgumentException(
          "subject must be at most " + MAX_SUBJECT_LENGTH + " characters");
    }
    if (subject.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException("subject must not contain control characters");
    }
    Objects.requireNonNull(body, "body");
    if (body.isBlank()) {
      throw new IllegalArgumentException("body must not be blank");
    }
  }
}
