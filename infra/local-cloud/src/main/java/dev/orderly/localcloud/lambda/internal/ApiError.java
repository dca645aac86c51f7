package dev.orderly.localcloud.lambda.internal;

/**
 * An error the Invoke API answers, as Lambda's REST-JSON protocol writes it: the status, the error
 * code in {@code x-amzn-ErrorType}, and a body with {@code Type} and {@code message} (and {@code
 * Reason} for throttles).
 */
final class ApiError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String code;
  private final String reason;

  ApiError(int status, String code, String message) {
    this(status, code, message, null);
  }

  ApiError(int status, String code, String message, String reason) {
    super(message);
    this.status = status;
    this.code = code;
    this.reason = reason;
  }

  int status() {
    return status;
  }

  String code() {
    return code;
  }

  /**
   * Why a throttle happened ({@code ReservedFunctionConcurrentInvocationLimitExceeded}), or null.
   */
  String reason() {
    return reason;
  }
}
