package dev.orderly.stepfunctions.oracle;

import java.util.List;

/** asl-validator's verdict on a definition. */
public record ValidationResult(boolean valid, List<Problem> errors) {

  public ValidationResult {
    errors = List.copyOf(errors);
  }

  /** One asl-validator error: its "Error code" (e.g. MISSING_TRANSITION_TARGET) and message. */
  public record Problem(String code, String message) {}
}
