package dev.orderly.localcloud.spi;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * What one invocation answered: the response payload, or — when {@code functionError} is set
 * ({@code "Unhandled"}, as Lambda's {@code X-Amz-Function-Error} header) — the error document the
 * Java runtime writes: {@code {"errorMessage": ..., "errorType": ..., "stackTrace": [...]}}.
 */
public record InvokeResult(byte[] payload, String functionError) {
  private static final ObjectMapper ERRORS = new ObjectMapper();

  public InvokeResult {
    Objects.requireNonNull(payload, "payload");
  }

  public static InvokeResult success(byte[] payload) {
    return new InvokeResult(payload, null);
  }

  public static InvokeResult unhandled(byte[] errorDocument) {
    return new InvokeResult(errorDocument, "Unhandled");
  }

  public boolean failed() {
    return functionError != null;
  }

  /** Whether the function ran out of time: the runtime's {@code Sandbox.Timedout} error. */
  public boolean timedOut() {
    if (!failed()) {
      return false;
    }
    try {
      return "Sandbox.Timedout".equals(ERRORS.readTree(payload).path("errorType").asText(null));
    } catch (IOException e) {
      return false;
    }
  }

  public String payloadUtf8() {
    return new String(payload, StandardCharsets.UTF_8);
  }
}
