package dev.orderly.localcloud.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Route selection follows "Routing API requests" of the HTTP API developer guide: full match, then
 * greedy, then {@code $default}; the guide's own example routes are among these.
 */
class RouteSelectionTest {
  static final RecordingInvoker FUNCTIONS = new RecordingInvoker();
  static LocalHttpApi api;
  static LocalHttpApi apiWithoutDefault;
  static Http http;

  @BeforeAll
  static void start() {
    List<String> keys =
        List.of(
            "GET /pets/dog/1",
            "GET /pets/dog/{id}",
            "GET /pets/{proxy+}",
            "ANY /{proxy+}",
            "GET /pets/{kind}/{id}",
            "ANY /pets/{kind}/{id}",
            "POST /pets/{kind}/{id}",
            "GET /",
            "$default");
    LocalHttpApi.Builder builder = LocalHttpApi.builder().functions(FUNCTIONS);
    keys.forEach(key -> builder.route(RouteSpec.of(key, key).withoutAuthorization()));
    api = builder.build();
    http = new Http(api.start());
    apiWithoutDefault =
        LocalHttpApi.builder()
            .functions(FUNCTIONS)
            .route(RouteSpec.of("GET /orders/{id}", "get-order").withoutAuthorization())
            .build();
    apiWithoutDefault.start();
  }

  @AfterAll
  static void stop() {
    api.close();
    apiWithoutDefault.close();
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "GET    | /pets/dog/1   | GET /pets/dog/1",
        "GET    | /pets/dog/2   | GET /pets/dog/{id}",
        "GET    | /pets/cat/1   | GET /pets/{kind}/{id}",
        "PUT    | /pets/cat/1   | ANY /pets/{kind}/{id}",
        "POST   | /pets/cat/1   | POST /pets/{kind}/{id}",
        "GET    | /pets/cat/1/2 | GET /pets/{proxy+}",
        "POST   | /pets/cat/1/2 | ANY /{proxy+}",
        "DELETE | /anything     | ANY /{proxy+}",
        "GET    | /             | GET /",
        "POST   | /             | $default",
        "GET    | /pets         | ANY /{proxy+}",
      })
  void mostSpecificRouteWins(String method, String path, String routeKey) {
    // when
    HttpResponse<String> response =
        http.send(http.request(path).method(method, HttpRequest.BodyPublishers.noBody()).build());

    // then
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(FUNCTIONS.last().function()).isEqualTo(routeKey);
    assertThat(FUNCTIONS.last().event().get("routeKey").textValue()).isEqualTo(routeKey);
  }

  @Test
  void greedyVariable_capturesTheRestOfThePathDecoded() {
    // when
    http.get("/pets/cat/a%2Fb/c");

    // then
    assertThat(FUNCTIONS.last().function()).isEqualTo("GET /pets/{proxy+}");
    assertThat(FUNCTIONS.last().event().get("pathParameters").get("proxy").textValue())
        .isEqualTo("cat/a/b/c");
  }

  @Test
  void defaultRoute_getsTheFullPathAndNoPathParameters() {
    // when
    http.send(http.request("/?q=1").POST(HttpRequest.BodyPublishers.noBody()).build());

    // then
    assertThat(FUNCTIONS.last().function()).isEqualTo("$default");
    assertThat(FUNCTIONS.last().event().get("rawPath").textValue()).isEqualTo("/");
    assertThat(FUNCTIONS.last().event().get("rawQueryString").textValue()).isEqualTo("q=1");
    assertThat(FUNCTIONS.last().event().has("pathParameters")).isFalse();
  }

  @Test
  void noRoute_is404NotFound() {
    // given
    Http other = new Http(apiWithoutDefault.baseUri());
    int before = FUNCTIONS.calls().size();

    // when
    HttpResponse<String> unknownPath = other.get("/users/1");
    HttpResponse<String> unknownMethod = other.send(other.request("/orders/1").DELETE().build());
    HttpResponse<String> missingVariable = other.get("/orders/");

    // then
    for (HttpResponse<String> response : List.of(unknownPath, unknownMethod, missingVariable)) {
      assertThat(response.statusCode()).isEqualTo(404);
      assertThat(response.body()).isEqualTo("{\"message\":\"Not Found\"}");
      assertThat(response.headers().firstValue("content-type")).contains("application/json");
      assertThat(response.headers().firstValue("apigw-requestid")).isPresent();
    }
    assertThat(FUNCTIONS.calls()).hasSize(before);
  }

  @Test
  void routeSpec_refusesWhatApiGatewayRefuses() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> RouteSpec.of("GET /a/{proxy+}/b", "f"))
        .hasMessageContaining("greedy path variable must end");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> RouteSpec.of("FETCH /a", "f"))
        .hasMessageContaining("Unsupported route method: FETCH");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                LocalHttpApi.builder()
                    .functions(FUNCTIONS)
                    .route(RouteSpec.of("GET /a", "f").withoutAuthorization())
                    .route(RouteSpec.of("GET /a", "g").withoutAuthorization())
                    .build())
        .hasMessageContaining("Duplicate route: GET /a");
  }
}
