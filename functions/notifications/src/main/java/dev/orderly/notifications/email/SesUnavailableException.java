package dev.orderly.notifications.email;

/**
 * SES could not take the mail now (throttling, a server error, a timeout or a broken connection):
 * the sender retries it a bounded number of times, then gives up with this.
 */
public final class SesUnavailableException extends SesException {
  private static final long serialVersionUID = 1L;

  SesUnavailableException(int status, String errorType, String sesMessage) {
    super(
        "SES SendEmail is unavailable (" + status + " " + errorType + ")",
        status,
        errorType,
        sesMessage,
        null);
  }

  SesUnavailableException(Throwable noAnswer) {
    super(
        "SES SendEmail did not answer: " + noAnswer.getClass().getSimpleName(),
        0,
        "",
        null,
        noAnswer);
  }
}
