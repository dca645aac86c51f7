package dev.orderly.localcloud.lambda.internal;

/**
 * A handler that could not be initialised: its class initialiser or its constructor threw. Carries
 * the error the Lambda Java runtime reports for it as an init error.
 */
final class InitFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String errorType;

  InitFailure(String errorMessage, String errorType, Throwable cause) {
    super(errorMessage, cause);
    this.errorType = errorType;
  }

  /** The failure of a constructor that threw {@code thrown}. */
  static InitFailure constructorThrew(Throwable thrown) {
    String message = thrown.getLocalizedMessage();
    return new InitFailure(
        message == null ? thrown.getClass().getName() : message,
        thrown.getClass().getName(),
        thrown);
  }

  /** The failure of a class that could not be loaded or initialised. */
  static InitFailure classFailed(String className, Throwable thrown) {
    String message = thrown.getMessage();
    return new InitFailure(
        "Error loading class " + className + (message == null ? "" : ": " + message),
        thrown.getClass().getName(),
        thrown);
  }

  String errorType() {
    return errorType;
  }

  byte[] document() {
    return ErrorDocuments.initError(getMessage(), errorType);
  }
}
