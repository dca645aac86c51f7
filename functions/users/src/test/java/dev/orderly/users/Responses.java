package dev.orderly.users;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;

/** Reading and checking API responses the way a client would. */
public final class Responses {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Responses() {}

  public static JsonNode body(APIGatewayV2HTTPResponse response) {
    try {
      return JSON.readTree(response.getBody());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Headers case-insensitively, as HTTP has them. */
  public static Map<String, String> headers(APIGatewayV2HTTPResponse response) {
    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.putAll(response.getHeaders());
    return headers;
  }

  /**
   * An RFC 9457 problem with this status and code, as problem+json, carrying the request's
   * correlation id and nothing from inside the service (no exception names, stack frames, SDK or
   * table names).
   */
  public static JsonNode assertProblem(
      APIGatewayV2HTTPResponse response, int status, String code, String correlationId) {
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
    assertThat(headers(response)).containsEntry("Content-Type", "application/problem+json");
    JsonNode problem = body(response);
    assertThat(problem.path("status").asInt()).isEqualTo(status);
    assertThat(problem.path("code").asText()).isEqualTo(code);
    assertThat(problem.path("type").asText())
        .isEqualTo("https://orderly.dev/problems/" + code.toLowerCase().replace('_', '-'));
    assertThat(problem.path("title").asText()).isNotBlank();
    assertThat(problem.path("correlationId").asText()).isEqualTo(correlationId);
    assertThat(response.getBody())
        .doesNotContain("Exception", "\tat ", "dev.orderly", "software.amazon", "T#")
        .doesNotContainPattern("(users|idempotency)-\\d");
    return problem;
  }
}
