package dev.orderly.localcloud.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Per-route token buckets on the injected clock, and the template's access log line. */
class ThrottlingAndAccessLogTest {
  static final DevKeys KEYS = DevKeys.generate();
  static final String ISSUER = "https://orderly.local/dev";

  final MutableClock clock = new MutableClock(Instant.parse("2026-05-01T10:00:00Z"));
  final RecordingInvoker functions = new RecordingInvoker();
  final List<String> accessLog = new CopyOnWriteArrayList<>();
  final AtomicInteger ids = new AtomicInteger();
  final ObjectMapper json = new ObjectMapper();
  LocalHttpApi api;
  Http http;

  @BeforeEach
  void start() {
    api =
        LocalHttpApi.builder()
            .clock(clock)
            .requestIds(() -> "id-" + ids.incrementAndGet())
            .functions(functions)
            .jwt(ISSUER, List.of("orderly-api"), KEYS)
            .route(RouteSpec.of("GET /orders", "list-orders").withoutAuthorization())
            .route(RouteSpec.of("POST /orders", "place-order").withoutAuthorization())
            .route(RouteSpec.of("GET /orders/{id}", "get-order"))
            .throttling(100, 200)
            .routeThrottling("POST /orders", 2, 3)
            .accessLog(accessLog::add)
            .build();
    http = new Http(api.start());
  }

  @AfterEach
  void stop() {
    api.close();
  }

  private int post() {
    return http.send(http.request("/orders").POST(HttpRequest.BodyPublishers.noBody()).build())
        .statusCode();
  }

  @Test
  void burstIsServed_thenThrottled_untilTheClockRefillsTheBucket() {
    // when — a burst of 3 at 2 requests/s
    List<Integer> burst = List.of(post(), post(), post(), post());

    // then
    assertThat(burst).containsExactly(200, 200, 200, 429);
    HttpResponse<String> throttled =
        http.send(http.request("/orders").POST(HttpRequest.BodyPublishers.noBody()).build());
    assertThat(throttled.body()).isEqualTo("{\"message\":\"Too Many Requests\"}");
    assertThat(functions.calls()).hasSize(3);

    // when — half a second refills one token at 2/s
    clock.advance(Duration.ofMillis(500));

    // then
    assertThat(List.of(post(), post())).containsExactly(200, 429);

    // when — a long pause refills to the burst, no further
    clock.advance(Duration.ofMinutes(1));

    // then
    assertThat(List.of(post(), post(), post(), post())).containsExactly(200, 200, 200, 429);
  }

  @Test
  void routeOverride_leavesOtherRoutesOnTheDefaults() {
    // given
    for (int i = 0; i < 4; i++) {
      post();
    }

    // when
    HttpResponse<String> otherRoute = http.get("/orders");

    // then
    assertThat(otherRoute.statusCode()).isEqualTo(200);
  }

  @Test
  void routeSettingsForAnUnknownRoute_areRefused() {
    assertThatThrownBy(
            () ->
                LocalHttpApi.builder()
                    .functions(functions)
                    .route(RouteSpec.of("GET /a", "a").withoutAuthorization())
                    .routeThrottling("POST /b", 1, 1)
                    .build())
        .hasMessage("Route settings name a route the API does not have: POST /b");
  }

  @Test
  void authorizedRouteWithoutAnAuthorizer_isRefused() {
    assertThatThrownBy(
            () ->
                LocalHttpApi.builder()
                    .functions(functions)
                    .route(RouteSpec.of("GET /a", "a"))
                    .build())
        .hasMessage("Route GET /a is authorized but the API has no JWT authorizer");
  }

  @Test
  void everyRequest_writesOneAccessLogLine_andCarriesItsRequestId() throws Exception {
    // given
    String token =
        new DevTokens(KEYS, ISSUER, "orderly-api", clock)
            .mint("tenant-a", "user-1", Duration.ofMinutes(5));

    // when
    HttpResponse<String> served = http.get("/orders/o-1", "Bearer " + token);
    HttpResponse<String> refused = http.get("/orders/o-1");
    HttpResponse<String> missing = http.get("/nowhere");

    // then
    assertThat(served.headers().firstValue("apigw-requestid")).contains("id-1");
    assertThat(refused.headers().firstValue("apigw-requestid")).contains("id-2");
    assertThat(missing.headers().firstValue("apigw-requestid")).contains("id-3");
    assertThat(accessLog).hasSize(3);
    JsonNode ok = json.readTree(accessLog.get(0));
    assertThat(fieldNames(ok))
        .containsExactly(
            "requestId",
            "routeKey",
            "status",
            "latencyMs",
            "integrationLatencyMs",
            "integrationError",
            "authorizerError",
            "tenant",
            "sourceIp");
    assertThat(ok.get("requestId").textValue()).isEqualTo("id-1");
    assertThat(ok.get("routeKey").textValue()).isEqualTo("GET /orders/{id}");
    assertThat(ok.get("status").textValue()).isEqualTo("200");
    assertThat(Long.parseLong(ok.get("latencyMs").textValue()))
        .isGreaterThanOrEqualTo(Long.parseLong(ok.get("integrationLatencyMs").textValue()));
    assertThat(ok.get("tenant").textValue()).isEqualTo("tenant-a");
    assertThat(ok.get("authorizerError").textValue()).isEqualTo("-");
    assertThat(ok.get("sourceIp").textValue()).isEqualTo("127.0.0.1");
    JsonNode unauthorized = json.readTree(accessLog.get(1));
    assertThat(unauthorized.get("status").textValue()).isEqualTo("401");
    assertThat(unauthorized.get("authorizerError").textValue())
        .isEqualTo("no token in the Authorization header");
    assertThat(unauthorized.get("integrationLatencyMs").textValue()).isEqualTo("-");
    assertThat(unauthorized.get("tenant").textValue()).isEqualTo("-");
    JsonNode notFound = json.readTree(accessLog.get(2));
    assertThat(notFound.get("status").textValue()).isEqualTo("404");
    assertThat(notFound.get("routeKey").textValue()).isEqualTo("-");
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new java.util.ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
