package dev.orderly.notifications.domain;

/**
 * The sent-notification log, one entry per event: consulted before sending, so a redelivery that
 * outlives its idempotency record (which expires after an hour) still does not mail twice.
 */
public interface SentLog {
  boolean contains(String tenant, String eventId);

  /** Records {@code mail}; recording the same event twice keeps the first. */
  void record(SentMail mail);
}
