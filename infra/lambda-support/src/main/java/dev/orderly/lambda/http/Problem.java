package dev.orderly.lambda.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

/**
 * An RFC 9457 problem details document: {@code type}, {@code title}, {@code status}, {@code
 * detail}, {@code instance}, and Orderly's members {@code code}, {@code correlationId} and {@code
 * violations}. Only what the client may see: never an exception message from inside.
 */
public record Problem(
    ErrorCode code,
    String detail,
    List<FieldViolation> violations,
    String instance,
    String correlationId) {

  public Problem {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(detail, "detail");
    violations = List.copyOf(violations);
  }

  public static Problem of(ApiException e, String instance, String correlationId) {
    return new Problem(e.code(), e.detail(), e.violations(), instance, correlationId);
  }

  public ObjectNode toJson() {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("type", code.type());
    body.put("title", code.title());
    body.put("status", code.status());
    body.put("detail", detail);
    if (instance != null) {
      body.put("instance", instance);
    }
    body.put("code", code.name());
    if (correlationId != null) {
      body.put("correlationId", correlationId);
    }
    if (!violations.isEmpty()) {
      ArrayNode list = body.putArray("violations");
      for (FieldViolation violation : violations) {
        list.addObject().put("field", violation.field()).put("message", violation.message());
      }
    }
    return body;
  }
}
