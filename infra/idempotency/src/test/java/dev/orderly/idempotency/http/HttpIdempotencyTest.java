package dev.orderly.idempotency.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.orderly.idempotency.Idempotency;
import dev.orderly.idempotency.InMemoryIdempotencyStore;
import dev.orderly.idempotency.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The IETF Idempotency-Key draft's answers, for an API Gateway HTTP API handler. */
class HttpIdempotencyTest {
  private HttpIdempotency http;
  private AtomicInteger created;

  @BeforeEach
  void setUp() {
    http =
        new HttpIdempotency(
            Idempotency.builder(new InMemoryIdempotencyStore())
                .clock(new MutableClock(Instant.parse("2026-05-01T10:00:00Z")))
                .build());
    created = new AtomicInteger();
  }

  private static APIGatewayV2HTTPEvent post(String key, String body) {
    Map<String, String> headers = new HashMap<>();
    headers.put("content-type", "application/json");
    headers.put("x-correlation-id", "corr-1");
    if (key != null) {
      headers.put("idempotency-key", key);
    }
    return APIGatewayV2HTTPEvent.builder()
        .withRouteKey("POST /orders")
        .withRawPath("/orders")
        .withHeaders(headers)
        .withBody(body)
        .build();
  }

  private APIGatewayV2HTTPResponse createOrder(APIGatewayV2HTTPEvent request) {
    return http.handle(
        request,
        "tenant-a",
        Duration.ofSeconds(10),
        r ->
            APIGatewayV2HTTPResponse.builder()
                .withStatusCode(201)
                .withHeaders(Map.of("Location", "/orders/" + created.incrementAndGet()))
                .withBody("{\"id\":" + created.get() + "}")
                .build());
  }

  @Test
  void missingKey_isRefusedWith400ProblemDetails() {
    APIGatewayV2HTTPResponse response = createOrder(post(null, "{}"));

    assertThat(response.getStatusCode()).isEqualTo(400);
    assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
    assertThat(response.getBody())
        .contains("\"code\":\"IDEMPOTENCY_KEY_MISSING\"")
        .contains("\"instance\":\"/orders\"")
        .contains("\"correlationId\":\"corr-1\"");
    assertThat(created).hasValue(0);
  }

  @Test
  void repeat_replaysTheFirstResponseMarkedAsReplayed() {
    APIGatewayV2HTTPResponse first = createOrder(post("k1", "{\"sku\":\"a\"}"));
    APIGatewayV2HTTPResponse second = createOrder(post("k1", "{\"sku\":\"a\"}"));

    assertThat(first.getStatusCode()).isEqualTo(201);
    assertThat(second.getStatusCode()).isEqualTo(201);
    assertThat(second.getBody()).isEqualTo(first.getBody());
    assertThat(second.getHeaders())
        .containsEntry("Location", "/orders/1")
        .containsEntry(HttpIdempotency.REPLAYED, "true");
    assertThat(first.getHeaders()).doesNotContainKey(HttpIdempotency.REPLAYED);
    assertThat(created).hasValue(1);
  }

  @Test
  void reusedKeyWithAnotherBody_is422() {
    createOrder(post("k1", "{\"sku\":\"a\"}"));

    APIGatewayV2HTTPResponse response = createOrder(post("k1", "{\"sku\":\"b\"}"));

    assertThat(response.getStatusCode()).isEqualTo(422);
    assertThat(response.getBody())
        .contains("\"code\":\"IDEMPOTENCY_KEY_REUSED\"")
        .contains("\"instance\":\"/orders\"");
  }

  @Test
  void repeatWhileTheFirstIsRunning_is409WithRetryAfter() {
    AtomicReference<APIGatewayV2HTTPResponse> concurrent = new AtomicReference<>();

    http.handle(
        post("k1", "{}"),
        "tenant-a",
        Duration.ofSeconds(10),
        r -> {
          concurrent.set(createOrder(post("k1", "{}")));
          return APIGatewayV2HTTPResponse.builder().withStatusCode(201).withBody("{}").build();
        });

    assertThat(concurrent.get().getStatusCode()).isEqualTo(409);
    assertThat(concurrent.get().getHeaders()).containsEntry("Retry-After", "1");
    assertThat(concurrent.get().getBody()).contains("\"code\":\"IDEMPOTENCY_KEY_IN_USE\"");
  }

  @Test
  void serverError_isNotKeptSoTheRetryRunsAgain() {
    APIGatewayV2HTTPResponse failed =
        http.handle(
            post("k1", "{}"),
            "tenant-a",
            Duration.ofSeconds(10),
            r -> APIGatewayV2HTTPResponse.builder().withStatusCode(503).withBody("{}").build());

    APIGatewayV2HTTPResponse retry = createOrder(post("k1", "{}"));

    assertThat(failed.getStatusCode()).isEqualTo(503);
    assertThat(retry.getStatusCode()).isEqualTo(201);
    assertThat(created).hasValue(1);
  }

  @Test
  void sameKeyInAnotherTenant_isAnotherRequest() {
    createOrder(post("k1", "{}"));

    APIGatewayV2HTTPResponse other =
        http.handle(
            post("k1", "{}"),
            "tenant-b",
            Duration.ofSeconds(10),
            r ->
                APIGatewayV2HTTPResponse.builder()
                    .withStatusCode(201)
                    .withBody("{\"id\":99}")
                    .build());

    assertThat(other.getBody()).isEqualTo("{\"id\":99}");
    assertThat(other.getHeaders()).isNull();
  }
}
