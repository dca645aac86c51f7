package dev.orderly.stepfunctions.internal.interpreter;

/**
 * Ends an execution (or a branch) from outside its states: StopExecution (ABORTED), the execution's
 * own TimeoutSeconds (TIMED_OUT), or a sibling branch's failure (CANCELLED, never reported). Not a
 * {@link dev.orderly.stepfunctions.internal.StatesException}: no Retry or Catch sees it.
 */
public final class ExecutionAbort extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public static final String ABORTED = "ABORTED";
  public static final String TIMED_OUT = "TIMED_OUT";
  static final String CANCELLED = "CANCELLED";

  private final String status;
  private final String error;

  public ExecutionAbort(String status, String error, String cause) {
    super(cause, null, false, false);
    this.status = status;
    this.error = error;
  }

  public String status() {
    return status;
  }

  public String error() {
    return error;
  }

  public String cause() {
    return getMessage();
  }
}
