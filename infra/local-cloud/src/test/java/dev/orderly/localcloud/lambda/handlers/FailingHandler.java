package dev.orderly.localcloud.lambda.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Throws what its input asks for: a nested exception class with a cause, or one with no message.
 */
public final class FailingHandler implements RequestHandler<Map<String, String>, String> {
  /** A business error, reported by its binary name. */
  public static final class Declined extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Declined(String message, Throwable cause) {
      super(message, cause);
    }
  }

  @Override
  public String handleRequest(Map<String, String> input, Context context) {
    if ("no-message".equals(input.get("kind"))) {
      throw new UnsupportedOperationException();
    }
    throw new Declined(
        "card declined for " + input.get("orderId"),
        new UncheckedIOException("provider said no", new java.io.IOException("402")));
  }
}
