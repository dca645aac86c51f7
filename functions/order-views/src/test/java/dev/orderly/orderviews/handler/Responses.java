package dev.orderly.orderviews.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Reading and checking API responses in handler tests. */
final class Responses {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Responses() {}

  static JsonNode json(APIGatewayV2HTTPResponse response) {
    try {
      return JSON.readTree(response.getBody());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode parse(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A problem response: status, code, media type, correlation id, and nothing internal. */
  static JsonNode assertProblem(APIGatewayV2HTTPResponse response, int status, String code) {
    assertThat(response.getStatusCode()).isEqualTo(status);
    assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
    JsonNode problem = json(response);
    assertThat(problem.path("status").asInt()).isEqualTo(status);
    assertThat(problem.path("code").asText()).isEqualTo(code);
    assertThat(problem.path("type").asText()).startsWith("https://orderly.dev/problems/");
    assertThat(response.getBody())
        .doesNotContainIgnoringCase("exception")
        .doesNotContain("software.amazon", "dev.orderly", "order-views-", "at ");
    return problem;
  }
}
