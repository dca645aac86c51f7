package dev.orderly.stepfunctions.internal.service;

/** A Step Functions API error: its code ({@code __type}) and message; HTTP 400 unless said. */
public final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String code;
  private final int status;

  public ApiException(String code, String message) {
    this(code, message, 400);
  }

  public ApiException(String code, String message, int status) {
    super(message, null, false, false);
    this.code = code;
    this.status = status;
  }

  public String code() {
    return code;
  }

  public int status() {
    return status;
  }
}
