package dev.orderly.stepfunctions.internal.errors;

import java.util.List;

/**
 * Which errors an ErrorEquals list matches, per the States Language specification ("Errors") and
 * the Developer Guide ("Handling errors"): names match exactly; {@code States.ALL} matches any
 * error but {@code States.Runtime} and {@code States.DataLimitExceeded}; {@code States.TaskFailed}
 * matches any error but {@code States.Timeout} (and the two above). {@code States.Runtime} is
 * matched by nothing: runtime errors always fail the execution.
 */
public final class ErrorNames {
  public static final String ALL = "States.ALL";
  public static final String TASK_FAILED = "States.TaskFailed";
  public static final String TIMEOUT = "States.Timeout";
  public static final String HEARTBEAT_TIMEOUT = "States.HeartbeatTimeout";
  public static final String RUNTIME = "States.Runtime";
  public static final String DATA_LIMIT_EXCEEDED = "States.DataLimitExceeded";
  public static final String BRANCH_FAILED = "States.BranchFailed";
  public static final String NO_CHOICE_MATCHED = "States.NoChoiceMatched";

  private ErrorNames() {}

  public static boolean matches(List<String> errorEquals, String error) {
    if (RUNTIME.equals(error)) {
      return false;
    }
    for (String name : errorEquals) {
      if (name.equals(error)) {
        return true;
      }
      if (name.equals(ALL) && !DATA_LIMIT_EXCEEDED.equals(error)) {
        return true;
      }
      if (name.equals(TASK_FAILED)
          && !TIMEOUT.equals(error)
          && !DATA_LIMIT_EXCEEDED.equals(error)) {
        return true;
      }
    }
    return false;
  }
}
