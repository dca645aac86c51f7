package dev.orderly.localcloud.api.internal;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A request as the gateway received it.
 *
 * @param headers lower-cased names in a stable order, each with its values in arrival order
 * @param rawQuery the query string as sent, without {@code ?}; empty when there is none
 */
public record IncomingRequest(
    String method,
    String rawPath,
    String rawQuery,
    Map<String, List<String>> headers,
    byte[] body,
    String sourceIp,
    String protocol) {
  public IncomingRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(rawPath, "rawPath");
    rawQuery = rawQuery == null ? "" : rawQuery;
    headers = Map.copyOf(headers);
    Objects.requireNonNull(body, "body");
  }

  /** The first value of a header (name lower-case), or {@code null}. */
  public String header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }
}
