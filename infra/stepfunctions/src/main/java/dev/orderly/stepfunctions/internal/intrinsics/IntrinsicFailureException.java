package dev.orderly.stepfunctions.internal.intrinsics;

/**
 * An intrinsic function could not be evaluated. The interpreter turns it into a state failure whose
 * error name is {@link #errorName()}, so a {@code Catch} or {@code Retry} on that name can handle
 * it.
 */
public final class IntrinsicFailureException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The error name for a failure inside an intrinsic function (bad argument, limit exceeded). */
  public static final String INTRINSIC_FAILURE = "States.IntrinsicFailure";

  /**
   * The error name AWS reports when a path argument selects nothing: "The JsonPath argument for the
   * field ... could not be found in the input" arrives as a {@code States.Runtime} error.
   */
  public static final String RUNTIME = "States.Runtime";

  private final String errorName;

  IntrinsicFailureException(String errorName, String message) {
    super(message);
    this.errorName = errorName;
  }

  IntrinsicFailureException(String errorName, String message, Throwable cause) {
    super(message, cause);
    this.errorName = errorName;
  }

  static IntrinsicFailureException failure(String function, String detail) {
    return new IntrinsicFailureException(INTRINSIC_FAILURE, function + ": " + detail);
  }

  static IntrinsicFailureException failure(String function, String detail, Throwable cause) {
    return new IntrinsicFailureException(INTRINSIC_FAILURE, function + ": " + detail, cause);
  }

  static IntrinsicFailureException pathNotFound(String path) {
    return new IntrinsicFailureException(
        RUNTIME, "The JsonPath argument '" + path + "' could not be found in the input");
  }

  /** The same failure, with the function whose argument caused it named in the message. */
  IntrinsicFailureException within(String function) {
    return new IntrinsicFailureException(errorName, function + ": " + getMessage(), this);
  }

  /** {@code States.IntrinsicFailure} or {@code States.Runtime}. */
  public String errorName() {
    return errorName;
  }
}
