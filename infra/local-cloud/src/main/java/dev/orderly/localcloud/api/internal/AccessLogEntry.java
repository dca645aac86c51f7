package dev.orderly.localcloud.api.internal;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One access log line, in the stage's {@code AccessLogSettings.Format} of template.yaml: every
 * value a string, as the {@code "$context.x"} placeholders render, and {@code "-"} where the
 * context variable has no value, as API Gateway renders an empty one.
 */
final class AccessLogEntry {
  private final String requestId;
  private final String sourceIp;
  private String routeKey;
  private int status;
  private long latencyMs = -1;
  private long integrationLatencyMs = -1;
  private String integrationError;
  private String authorizerError;
  private String tenant;

  AccessLogEntry(String requestId, String sourceIp) {
    this.requestId = requestId;
    this.sourceIp = sourceIp;
  }

  void routeKey(String routeKey) {
    this.routeKey = routeKey;
  }

  void status(int status) {
    this.status = status;
  }

  void latencyMs(long latencyMs) {
    this.latencyMs = latencyMs;
  }

  void integrationLatencyMs(long integrationLatencyMs) {
    this.integrationLatencyMs = integrationLatencyMs;
  }

  void integrationError(String integrationError) {
    this.integrationError = integrationError;
  }

  void authorizerError(String authorizerError) {
    this.authorizerError = authorizerError;
  }

  void tenant(String tenant) {
    this.tenant = tenant;
  }

  String toJson() {
    ObjectNode line = JsonNodeFactory.instance.objectNode();
    line.put("requestId", requestId);
    line.put("routeKey", orDash(routeKey));
    line.put("status", String.valueOf(status));
    line.put("latencyMs", latencyMs < 0 ? "-" : String.valueOf(latencyMs));
    line.put(
        "integrationLatencyMs",
        integrationLatencyMs < 0 ? "-" : String.valueOf(integrationLatencyMs));
    line.put("integrationError", orDash(integrationError));
    line.put("authorizerError", orDash(authorizerError));
    line.put("tenant", orDash(tenant));
    line.put("sourceIp", orDash(sourceIp));
    return line.toString();
  }

  private static String orDash(String value) {
    return value == null || value.isEmpty() ? "-" : value;
  }
}
