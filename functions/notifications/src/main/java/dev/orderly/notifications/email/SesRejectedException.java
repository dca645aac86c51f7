package dev.orderly.notifications.email;

/**
 * SES refused the mail for a reason another attempt will not change (MessageRejected, an unverified
 * sender, a suspended account, a bad request): the sender does not retry it.
 */
public final class SesRejectedException extends SesException {
  private static final long serialVersionUID = 1L;

  SesRejectedException(int status, String errorType, String sesMessage) {
    super(
        "SES SendEmail rejected the mail (" + status + " " + errorType + ")",
        status,
        errorType,
        sesMessage,
        null);
  }
}
