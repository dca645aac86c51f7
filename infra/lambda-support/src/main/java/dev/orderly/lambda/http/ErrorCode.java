package dev.orderly.lambda.http;

import java.util.Locale;

/**
 * Orderly's stable error codes: the {@code code} of every problem response, and the names the
 * saga's typed errors carry. A code never changes meaning; a new failure gets a new code.
 */
public enum ErrorCode {
  VALIDATION_FAILED(400, "The request is not valid"),
  MALFORMED_BODY(400, "The request body is not a JSON object"),
  INVALID_CURSOR(400, "The paging cursor is not valid"),
  IDEMPOTENCY_KEY_MISSING(400, "Idempotency-Key header required"),
  IDEMPOTENCY_KEY_INVALID(400, "Idempotency-Key header invalid"),
  UNAUTHORIZED(401, "Authentication required"),
  NOT_FOUND(404, "Not found"),
  METHOD_NOT_ALLOWED(405, "Method not allowed"),
  EMAIL_ALREADY_EXISTS(409, "Email already registered"),
  IDEMPOTENCY_KEY_IN_USE(409, "Request in progress"),
  VERSION_MISMATCH(412, "The resource has changed"),
  PAYLOAD_TOO_LARGE(413, "The request body is too large"),
  UNSUPPORTED_MEDIA_TYPE(415, "The request body must be application/json"),
  IDEMPOTENCY_KEY_REUSED(422, "Idempotency-Key reused"),
  PRECONDITION_REQUIRED(428, "If-Match header required"),
  THROTTLED(429, "Too many requests"),
  OUT_OF_STOCK(409, "Not enough stock"),
  PAYMENT_DECLINED(402, "Payment declined"),
  INTERNAL_ERROR(500, "Internal error"),
  SERVICE_UNAVAILABLE(503, "Service unavailable");

  private final int status;
  private final String title;

  ErrorCode(int status, String title) {
    this.status = status;
    this.title = title;
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }

  /** The problem type URI: {@code https://orderly.dev/problems/out-of-stock}. */
  public String type() {
    return "https://orderly.dev/problems/" + name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
