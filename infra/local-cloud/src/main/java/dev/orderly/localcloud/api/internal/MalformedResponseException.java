package dev.orderly.localcloud.api.internal;

/** A function answered with something API Gateway cannot turn into an HTTP response (a 500). */
public final class MalformedResponseException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public MalformedResponseException(String reason) {
    super("Malformed Lambda proxy response: " + reason);
  }
}
