package dev.orderly.localcloud.ssm.internal;

/** An SSM error as the JSON protocol reports it: {@code __type} code, message, HTTP status. */
public final class SsmException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String code;
  private final int status;

  public SsmException(String code, String message, int status) {
    super(message);
    this.code = code;
    this.status = status;
  }

  static SsmException notFound(String name) {
    return new SsmException("ParameterNotFound", "Parameter " + name + " not found.", 400);
  }

  static SsmException validation(String message) {
    return new SsmException("ValidationException", message, 400);
  }

  public String code() {
    return code;
  }

  public int status() {
    return status;
  }
}
