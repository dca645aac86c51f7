package dev.orderly.contracts.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.orderly.contracts.functions.HttpCases;
import dev.orderly.contracts.functions.HttpCases.HttpCase;
import dev.orderly.contracts.functions.Invocations;
import dev.orderly.contracts.functions.Samples;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the real handlers answer is what {@code openapi/orderly.yaml} promises: for each request of
 * {@link HttpCases} (the samples and their variations), the status is one the route documents, the
 * content type one that status documents, and the body valid against that content's schema ({@code
 * $ref}s into components resolved, JSON Schema 2020-12, formats asserted).
 */
class OpenApiResponsesTest {
  static List<HttpCase> cases() {
    return HttpCases.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void theResponse_isOneTheDocumentPromises(HttpCase request) {
    String route = Samples.request(request.function() + ".json").get("routeKey").asText();
    APIGatewayV2HTTPResponse response = request.run();

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(request.status());
    JsonNode operation = OpenApi.operations().get(route);
    String status = String.valueOf(response.getStatusCode());
    assertThat(operation.path("responses").has(status))
        .as("%s documents %s", route, status)
        .isTrue();
    JsonNode documented = operation.get("responses").get(status);
    String pointer =
        documented.has("$ref")
            ? documented.get("$ref").asText().substring(1)
            : operationPointer(route) + "/responses/" + status;
    String contentType = response.getHeaders().get("Content-Type");
    assertThat(OpenApi.resolve(documented).path("content").has(contentType))
        .as("%s %s documents content type %s", route, status, contentType)
        .isTrue();

    JsonNode body = Invocations.parse(response.getBody());
    String schema = pointer + "/content/" + escape(contentType) + "/schema";
    assertThat(OpenApi.violations(OpenApi.schemaAt(schema), body)).as(body.toString()).isEmpty();
    assertThat(OpenApi.violations(OpenApi.schemaAt(schema), Invocations.parse("{}")))
        .as("the schema at %s asks for something", schema)
        .isNotEmpty();
    if (request.code() != null) {
      assertThat(body.get("code").asText()).isEqualTo(request.code());
    }
  }

  private static String operationPointer(String route) {
    String[] parts = route.split(" ", 2);
    return "/paths/" + escape(parts[1]) + "/" + parts[0].toLowerCase();
  }

  private static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }
}
