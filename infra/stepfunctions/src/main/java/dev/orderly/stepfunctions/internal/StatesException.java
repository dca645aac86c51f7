package dev.orderly.stepfunctions.internal;

import java.util.Objects;

/**
 * A failure with a States Language error name ({@code States.Runtime}, {@code
 * States.ResultPathMatchFailure}, a task's own error, ...) and a cause, as Retry and Catch match
 * and as an execution reports it.
 */
public class StatesException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public static final String RUNTIME = "States.Runtime";
  public static final String RESULT_PATH_MATCH_FAILURE = "States.ResultPathMatchFailure";
  public static final String PARAMETER_PATH_FAILURE = "States.ParameterPathFailure";

  private final String error;

  public StatesException(String error, String cause) {
    super(cause, null, false, false);
    this.error = Objects.requireNonNull(error, "error");
  }

  public String error() {
    return error;
  }

  public String cause() {
    return getMessage();
  }
}
