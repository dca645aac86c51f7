package dev.orderly.lambda.http;

import java.util.List;
import java.util.Objects;

/**
 * A request the API refuses, with its code, a detail meant for the client and any field violations.
 * Thrown by request parsing and domain checks; a handler turns it into a problem response.
 */
public final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ErrorCode code;
  private final transient List<FieldViolation> violations;

  public ApiException(ErrorCode code, String detail) {
    this(code, detail, List.of());
  }

  public ApiException(ErrorCode code, String detail, List<FieldViolation> violations) {
    super(detail, null, false, false);
    this.code = Objects.requireNonNull(code, "code");
    this.violations = List.copyOf(violations);
  }

  public static ApiException invalid(List<FieldViolation> violations) {
    return new ApiException(
        ErrorCode.VALIDATION_FAILED,
        violations.size() == 1 ? "1 field is invalid." : violations.size() + " fields are invalid.",
        violations);
  }

  public ErrorCode code() {
    return code;
  }

  public String detail() {
    return getMessage();
  }

  public List<FieldViolation> violations() {
    return violations;
  }
}
