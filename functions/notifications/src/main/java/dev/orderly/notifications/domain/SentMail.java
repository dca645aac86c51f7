package dev.orderly.notifications.domain;

import java.time.Instant;
import java.util.Objects;

/** The record that the mail for one event went out: which, to whom, and the provider's id. */
public record SentMail(
    String tenant,
    String eventId,
    String detailType,
    String to,
    String subject,
    String messageId,
    Instant sentAt) {
  public SentMail {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(detailType, "detailType");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(sentAt, "sentAt");
  }
}
