package dev.orderly.outboxrelay;

/**
 * A stream batch this function was not configured for: its source is not the stream of one of the
 * tables it relays. A misconfigured event source mapping, failed loudly rather than skipped.
 */
public final class UnknownStreamException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UnknownStreamException(String message) {
    super(message);
  }
}
