package dev.orderly.contracts.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderly.contracts.Repository;
import dev.orderly.lambda.http.ErrorCode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The OpenAPI 3.1 document parses, resolves, and describes the API the template deploys: the same
 * routes, JWT bearer security, problem details whose codes belong to their status, the headers each
 * write requires. (Validating real responses against it comes with the services.)
 */
class OpenApiTest {
  private static final JsonNode DOC = OpenApi.DOCUMENT;

  @Test
  void theDocument_isOpenApi3_1_securedByJwtBearerTokens() {
    assertThat(DOC.get("openapi").asText()).startsWith("3.1.");
    assertThat(DOC.at("/info/title").asText()).isNotBlank();
    assertThat(DOC.at("/components/securitySchemes/jwt/scheme").asText()).isEqualTo("bearer");
    assertThat(DOC.at("/components/securitySchemes/jwt/bearerFormat").asText()).isEqualTo("JWT");
    assertThat(DOC.at("/security/0").has("jwt")).isTrue();
    OpenApi.operations()
        .forEach((route, op) -> assertThat(op.has("security")).as("%s opts out", route).isFalse());
  }

  @Test
  void everyRouteOfTheTemplate_isInTheDocument_andEveryOperationIsARouteOfTheTemplate() {
    Set<String> routes = TemplateRoutes.all();

    assertThat(routes).hasSize(7);
    assertThat(OpenApi.operations().keySet()).containsExactlyInAnyOrderElementsOf(routes);
  }

  @Test
  void everyRef_pointsAtSomething() {
    List<String> dangling = new ArrayList<>();
    refs(DOC, dangling);

    assertThat(dangling).isEmpty();
  }

  @Test
  void theErrorCodes_areLambdaSupportsErrorCodes() {
    List<String> documented = new ArrayList<>();
    DOC.at("/components/schemas/ErrorCode/enum").forEach(c -> documented.add(c.asText()));

    assertThat(documented)
        .containsExactlyElementsOf(Arrays.stream(ErrorCode.values()).map(Enum::name).toList());
  }

  static Stream<Arguments> errorResponses() {
    List<Arguments> cases = new ArrayList<>();
    OpenApi.operations()
        .forEach(
            (route, op) ->
                op.get("responses")
                    .fields()
                    .forEachRemaining(
                        r -> {
                          if (Integer.parseInt(r.getKey()) >= 400) {
                            cases.add(
                                Arguments.of(route, Integer.parseInt(r.getKey()), r.getValue()));
                          }
                        }));
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("errorResponses")
  void everyErrorResponse_isAProblemWhoseCodesHaveThatStatus(
      String route, int status, JsonNode ref) {
    JsonNode schema = OpenApi.resolve(ref).at("/content/application~1problem+json/schema");
    JsonNode own = schema.at("/allOf/1/properties");

    assertThat(schema.at("/allOf/0/$ref").asText()).isEqualTo("#/components/schemas/Problem");
    assertThat(own.at("/status/const").asInt()).isEqualTo(status);
    assertThat(own.at("/code/enum")).isNotEmpty();
    own.at("/code/enum")
        .forEach(
            code ->
                assertThat(ErrorCode.valueOf(code.asText()).status())
                    .as("%s", code)
                    .isEqualTo(status));
  }

  @Test
  void everyOperation_documentsAuthThrottlingAndInternalErrors() {
    OpenApi.operations()
        .forEach(
            (route, op) ->
                assertThat(op.get("responses").fieldNames())
                    .toIterable()
                    .as(route)
                    .contains("401", "429", "500", "503"));
  }

  @Test
  void creatingWrites_requireAnIdempotencyKey_andTheUpdateRequiresIfMatch() {
    Map<String, JsonNode> operations = OpenApi.operations();
    operations.forEach(
        (route, op) -> {
          List<String> headers = requiredHeaders(op);
          assertThat(headers.contains("Idempotency-Key"))
              .as(route)
              .isEqualTo(route.startsWith("POST "));
          assertThat(headers.contains("If-Match")).as(route).isEqualTo(route.startsWith("PATCH "));
        });
    assertThat(
            OpenApi.resolve(operations.get("PATCH /users/{id}").at("/responses/412"))
                .at("/headers/ETag"))
        .isNotEmpty();
  }

  @Test
  void theList_pagesByLimitAndCursor() {
    JsonNode op = OpenApi.operations().get("GET /orders");
    List<String> query = new ArrayList<>();
    op.get("parameters")
        .forEach(
            p -> {
              JsonNode parameter = OpenApi.resolve(p);
              if (parameter.path("in").asText().equals("query")) {
                query.add(parameter.get("name").asText());
              }
            });

    assertThat(query).containsExactly("limit", "cursor");
    assertThat(
            OpenApi.resolve(op.at("/responses/200/content/application~1json/schema"))
                .at("/properties/nextCursor"))
        .isNotEmpty();
  }

  private static List<String> requiredHeaders(JsonNode op) {
    List<String> headers = new ArrayList<>();
    op.path("parameters")
        .forEach(
            p -> {
              JsonNode parameter = OpenApi.resolve(p);
              if (parameter.path("in").asText().equals("header")
                  && parameter.path("required").asBoolean()) {
                headers.add(parameter.get("name").asText());
              }
            });
    return headers;
  }

  private static void refs(JsonNode node, List<String> dangling) {
    if (node.isObject() && node.has("$ref")) {
      String ref = node.get("$ref").asText();
      if (!ref.startsWith("#/") || DOC.at(ref.substring(1)).isMissingNode()) {
        dangling.add(ref);
      }
    }
    node.forEach(child -> refs(child, dangling));
  }

  static JsonNode sample(String name) {
    return Repository.json(Repository.path("events/" + name + ".json"));
  }
}
