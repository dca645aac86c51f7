package dev.orderly.stepfunctions;

import java.util.Objects;

/**
 * A function error as Lambda reports it: an error type, which Step Functions uses as the error name
 * that Retry and Catch match, and an error message.
 */
public class LambdaFunctionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String errorType;

  /** An error with an explicit type, such as a business error a saga catches by name. */
  public LambdaFunctionException(String errorType, String errorMessage) {
    this(errorType, errorMessage, null);
  }

  private LambdaFunctionException(String errorType, String errorMessage, Throwable cause) {
    super(Objects.requireNonNull(errorMessage, "errorMessage"), cause);
    if (Objects.requireNonNull(errorType, "errorType").isBlank()) {
      throw new IllegalArgumentException("errorType must not be blank");
    }
    this.errorType = errorType;
  }

  /**
   * The error the Lambda Java runtime reports for an uncaught throwable: the type is the class's
   * binary name ({@code java.lang.IllegalStateException}, {@code com.acme.Outer$Inner}) and the
   * message is the localized message, or the class name when there is none. See {@code
   * LambdaErrorConverter.fromThrowable} in aws-lambda-java-runtime-interface-client
   * (https://github.com/aws/aws-lambda-java-libs).
   */
  public static LambdaFunctionException of(Throwable thrown) {
    if (thrown instanceof LambdaFunctionException typed) {
      return typed;
    }
    String type = thrown.getClass().getName();
    String message = thrown.getLocalizedMessage();
    return new LambdaFunctionException(type, message == null ? type : message, thrown);
  }

  public String errorType() {
    return errorType;
  }

  public String errorMessage() {
    return getMessage();
  }
}
