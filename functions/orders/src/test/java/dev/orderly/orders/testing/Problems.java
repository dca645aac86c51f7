package dev.orderly.orders.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Assertions on RFC 9457 problem responses: status, code, media type, and nothing internal. */
public final class Problems {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Problems() {}

  public static JsonNode json(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The problem document, after checking what every problem response must be. */
  public static JsonNode assertProblem(APIGatewayV2HTTPResponse response, int status, String code) {
    assertThat(response.getStatusCode()).as("status of %s", response.getBody()).isEqualTo(status);
    assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
    JsonNode problem = json(response.getBody());
    assertThat(problem.path("status").asInt()).isEqualTo(status);
    assertThat(problem.path("code").asText()).isEqualTo(code);
    assertThat(problem.path("type").asText()).startsWith("https://orderly.dev/problems/");
    assertThat(problem.path("title").asText()).isNotBlank();
    assertThat(response.getBody())
        .doesNotContain("Exception")
        .doesNotContain("java.")
        .doesNotContain("software.amazon")
        .doesNotContain("dev.orderly")
        .doesNotContainPattern("(orders|idempotency)-[0-9a-f]{8}")
        .doesNotContain("no-such-table");
    return problem;
  }
}
