package dev.orderly.localcloud.spi;

/**
 * Lambda's {@code TooManyRequestsException}: the function's reserved concurrency is in use, so the
 * invocation was throttled without running. Synchronous callers see it; event sources retry.
 */
public final class TooManyRequestsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TooManyRequestsException(String functionName, int concurrency) {
    super("Rate Exceeded. " + functionName + " is at its reserved concurrency of " + concurrency);
  }
}
