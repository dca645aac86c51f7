package dev.orderly.stepfunctions;

/**
 * Where an execution stands: RUNNING, or how it ended (SUCCEEDED with an output; FAILED, TIMED_OUT
 * or ABORTED with an error and a cause). Output is JSON text.
 */
public record ExecutionOutcome(
    String executionArn, String status, String output, String error, String cause) {
  public boolean running() {
    return "RUNNING".equals(status);
  }

  public boolean succeeded() {
    return "SUCCEEDED".equals(status);
  }
}
