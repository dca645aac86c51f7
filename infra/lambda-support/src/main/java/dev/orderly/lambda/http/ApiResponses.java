package dev.orderly.lambda.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;

/** API Gateway v2 responses: JSON bodies and problem details, each carrying the correlation id. */
public final class ApiResponses {
  public static final String CORRELATION_HEADER = "X-Correlation-Id";

  private ApiResponses() {}

  public static APIGatewayV2HTTPResponse json(int status, JsonNode body, String correlationId) {
    return json(status, body, correlationId, Map.of());
  }

  public static APIGatewayV2HTTPResponse json(
      int status, JsonNode body, String correlationId, Map<String, String> headers) {
    Map<String, String> all = new HashMap<>(headers);
    all.put("Content-Type", "application/json");
    all.put(CORRELATION_HEADER, correlationId);
    return APIGatewayV2HTTPResponse.builder()
        .withStatusCode(status)
        .withHeaders(all)
        .withBody(body == null ? null : body.toString())
        .build();
  }

  public static APIGatewayV2HTTPResponse problem(Problem problem) {
    return problem(problem, Map.of());
  }

  public static APIGatewayV2HTTPResponse problem(Problem problem, Map<String, String> headers) {
    Map<String, String> all = new HashMap<>(headers);
    all.put("Content-Type", "application/problem+json");
    if (problem.correlationId() != null) {
      all.put(CORRELATION_HEADER, problem.correlationId());
    }
    return APIGatewayV2HTTPResponse.builder()
        .withStatusCode(problem.code().status())
        .withHeaders(all)
        .withBody(problem.toJson().toString())
        .build();
  }
}
