package dev.orderly.notifications.domain;

/** What handling one event did, for the log. */
public sealed interface Handled {
  /** A mail went out. */
  record Sent(String to, String messageId) implements Handled {}

  /** The sent log already had this event: nothing was sent again. */
  record AlreadySent() implements Handled {}

  /** A customer's address was learned or refreshed; no mail for this event. */
  record Remembered(String userId) implements Handled {}

  /** Not an event notifications acts on. */
  record Ignored(String detailType) implements Handled {}
}
