package dev.orderly.stepfunctions.oracle;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the oracle made of one execution.
 *
 * @param status how the execution ended
 * @param output the execution output when {@link Status#SUCCEEDED}, else null
 * @param error the error name when {@link Status#FAILED} or {@link Status#TIMED_OUT}, else null
 * @param cause the cause when {@link Status#FAILED} or {@link Status#TIMED_OUT}, else null
 * @param message why the definition was rejected when {@link Status#INVALID_DEFINITION}
 */
public record OracleResult(
    Status status, JsonNode output, String error, String cause, String message) {

  public enum Status {
    SUCCEEDED,
    FAILED,
    /** The top-level TimeoutSeconds elapsed. */
    TIMED_OUT,
    /** aws-local-stepfunctions refused the definition (its constructor validates it). */
    INVALID_DEFINITION
  }
}
