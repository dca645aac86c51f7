package dev.orderly.localcloud.api.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A response on its way to the client: a status, headers (a name may repeat, as {@code set-cookie}
 * does) and a body. The gateway's own answers are {@code {"message": ...}} documents, as API
 * Gateway writes them.
 */
public record GatewayResponse(int status, Map<String, List<String>> headers, byte[] body) {
  public GatewayResponse {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
    headers = Collections.unmodifiableMap(copy);
  }

  public static GatewayResponse message(int status, String message) {
    return message(status, message, Map.of());
  }

  public static GatewayResponse message(int status, String message, Map<String, String> extra) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("content-type", List.of("application/json"));
    extra.forEach((name, value) -> headers.put(name, List.of(value)));
    byte[] body = ("{\"message\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8);
    return new GatewayResponse(status, headers, body);
  }

  public static GatewayResponse notFound() {
    return message(404, "Not Found");
  }

  public static GatewayResponse tooLarge() {
    return message(413, "Request Entity Too Large");
  }

  public static GatewayResponse tooManyRequests() {
    return message(429, "Too Many Requests");
  }

  public static GatewayResponse internalServerError() {
    return message(500, "Internal Server Error");
  }

  public static GatewayResponse serviceUnavailable() {
    return message(503, "Service Unavailable");
  }

  /** Builds a response header by header. */
  static final class Builder {
    private final int status;
    private final Map<String, List<String>> headers = new LinkedHashMap<>();

    Builder(int status) {
      this.status = status;
    }

    Builder add(String name, String value) {
      headers.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
      return this;
    }

    boolean has(String name) {
      return headers.containsKey(name);
    }

    GatewayResponse body(byte[] body) {
      return new GatewayResponse(status, headers, body);
    }
  }
}
