package dev.orderly.lambda.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiResponsesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void json_writesStatusBodyContentTypeAndCorrelationId() throws Exception {
    // given
    ObjectNode body = JsonNodeFactory.instance.objectNode().put("id", "o-1");

    // when
    APIGatewayV2HTTPResponse response = ApiResponses.json(201, body, "c-1");

    // then
    assertThat(response.getStatusCode()).isEqualTo(201);
    assertThat(JSON.readTree(response.getBody())).isEqualTo(body);
    assertThat(response.getHeaders())
        .containsOnly(entry("Content-Type", "application/json"), entry("X-Correlation-Id", "c-1"));
    assertThat(response.getIsBase64Encoded()).isFalse();
  }

  @Test
  void json_keepsExtraHeadersButNotTheirContentTypeOrCorrelation() {
    // given
    Map<String, String> headers =
        Map.of(
            "Location", "/orders/o-1",
            "ETag", "\"3\"",
            "Content-Type", "text/plain",
            "X-Correlation-Id", "spoofed");

    // when
    APIGatewayV2HTTPResponse response =
        ApiResponses.json(201, JsonNodeFactory.instance.objectNode(), "c-1", headers);

    // then
    assertThat(response.getHeaders())
        .containsOnly(
            entry("Location", "/orders/o-1"),
            entry("ETag", "\"3\""),
            entry("Content-Type", "application/json"),
            entry("X-Correlation-Id", "c-1"));
  }

  @Test
  void json_withoutBodyHasNoBody() {
    // when
    APIGatewayV2HTTPResponse response = ApiResponses.json(204, null, "c-1");

    // then
    assertThat(response.getStatusCode()).isEqualTo(204);
    assertThat(response.getBody()).isNull();
  }

  @Test
  void problem_answersWithTheCodesStatusAsProblemJson() throws Exception {
    // given
    Problem problem =
        new Problem(
            ErrorCode.VALIDATION_FAILED,
            "1 field is invalid.",
            List.of(new FieldViolation("sku", "is required")),
            "/orders",
            "c-7");

    // when
    APIGatewayV2HTTPResponse response = ApiResponses.problem(problem, Map.of("Retry-After", "1"));

    // then
    assertThat(response.getStatusCode()).isEqualTo(400);
    assertThat(response.getHeaders())
        .containsOnly(
            entry("Content-Type", "application/problem+json"),
            entry("X-Correlation-Id", "c-7"),
            entry("Retry-After", "1"));
    assertThat(JSON.readTree(response.getBody())).isEqualTo(problem.toJson());
  }

  @Test
  void problem_withoutCorrelationIdSendsNoCorrelationHeader() {
    // given
    Problem problem = new Problem(ErrorCode.THROTTLED, "Slow down.", List.of(), null, null);

    // when
    APIGatewayV2HTTPResponse response = ApiResponses.problem(problem);

    // then
    assertThat(response.getStatusCode()).isEqualTo(429);
    assertThat(response.getHeaders())
        .containsOnly(entry("Content-Type", "application/problem+json"));
  }
}
