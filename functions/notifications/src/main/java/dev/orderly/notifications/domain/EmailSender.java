package dev.orderly.notifications.domain;

/**
 * Sends mail: Amazon SES in AWS, a recorder on a laptop. The port keeps the service ignorant of
 * which, so the local cloud runs the very code that runs in AWS.
 */
public interface EmailSender {
  /**
   * Sends {@code message}; returns the provider's message id.
   *
   * @throws RuntimeException when the mail was not accepted: the event is retried
   */
  String send(EmailMessage message);
}
