package dev.orderly.notifications.email;

/** A mail the {@link LocalEmailSender} accepted, as it would have gone out. */
public record RecordedEmail(
    String messageId, String from, String to, String subject, String body) {}
