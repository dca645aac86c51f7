package dev.orderly.notifications.email;

import java.util.Optional;

/**
 * SES did not accept a mail. The subtype says whether trying again can help: {@link
 * SesUnavailableException} (throttled, SES failing, no answer) or {@link SesRejectedException} (the
 * request or the account is wrong). Either way the mail is not sent and the event is retried by its
 * queue. SES's own message stays out of {@link #getMessage()}: it can name the recipients, and
 * failures are logged.
 */
public abstract class SesException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String errorType;
  private final String sesMessage;

  SesException(String message, int status, String errorType, String sesMessage, Throwable cause) {
    super(message, cause);
    this.status = status;
    this.errorType = errorType;
    this.sesMessage = sesMessage;
  }

  /** The HTTP status SES answered, 0 when it did not answer. */
  public int status() {
    return status;
  }

  /** SES's error code, e.g. {@code MessageRejected}; empty when SES did not answer. */
  public String errorType() {
    return errorType;
  }

  /** SES's explanation; may name addresses, so it is for operators, not logs. */
  public Optional<String> sesMessage() {
    return Optional.ofNullable(sesMessage);
  }
}
