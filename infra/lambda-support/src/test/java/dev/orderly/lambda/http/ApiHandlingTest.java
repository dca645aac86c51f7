package dev.orderly.lambda.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.orderly.lambda.log.CapturedOutput;
import dev.orderly.lambda.log.Invocation;
import dev.orderly.lambda.log.StructuredLog;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ApiHandlingTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SECRET =
      "ConditionalCheckFailed on table orders-prod-7f3a, key TENANT#acme#ORDER#o-1";

  private final CapturedOutput out = new CapturedOutput();
  private final Invocation log =
      new StructuredLog(
              "orders",
              Clock.fixed(Instant.parse("2026-05-01T10:00:00Z"), ZoneOffset.UTC),
              out.stream())
          .begin(null, "c-1");

  private final APIGatewayV2HTTPEvent event =
      Events.request()
          .route("POST /orders", "/orders")
          .header("x-correlation-id", "c-1")
          .body("{}")
          .build();

  @Test
  void handle_returnsTheHandlersResponseAndLogsNothing() {
    // given
    APIGatewayV2HTTPResponse created =
        ApiResponses.json(201, JsonNodeFactory.instance.objectNode().put("id", "o-1"), "c-1");
    AtomicReference<ApiRequest> seen = new AtomicReference<>();

    // when
    APIGatewayV2HTTPResponse response =
        ApiHandling.handle(
            event,
            log,
            request -> {
              seen.set(request);
              return created;
            });

    // then
    assertThat(response).isSameAs(created);
    assertThat(seen.get().event()).isSameAs(event);
    assertThat(out.text()).isEmpty();
  }

  @Test
  void handle_answersARefusalWithItsProblem() throws Exception {
    // given
    ApiException refused =
        ApiException.invalid(List.of(new FieldViolation("lines[0].quantity", "is required")));

    // when
    APIGatewayV2HTTPResponse response =
        ApiHandling.handle(
            event,
            log,
            request -> {
              throw refused;
            });

    // then
    assertThat(response.getStatusCode()).isEqualTo(400);
    assertThat(response.getHeaders())
        .contains(
            entry("Content-Type", "application/problem+json"), entry("X-Correlation-Id", "c-1"));
    assertThat(JSON.readTree(response.getBody()))
        .isEqualTo(Problem.of(refused, "/orders", "c-1").toJson());
    JsonNode line = out.only();
    assertThat(line.get("level").asText()).isEqualTo("INFO");
    assertThat(line.get("message").asText()).isEqualTo("request refused");
    assertThat(line.get("code").asText()).isEqualTo("VALIDATION_FAILED");
    assertThat(line.get("route").asText()).isEqualTo("POST /orders");
  }

  @Test
  void handle_answersARefusalFromRequestParsing() {
    // given
    APIGatewayV2HTTPEvent noTenant = Events.request().claim("tenant_id", null).build();

    // when
    APIGatewayV2HTTPResponse response =
        ApiHandling.handle(
            noTenant,
            log,
            request -> {
              request.tenant();
              return ApiResponses.json(200, null, "c-1");
            });

    // then
    assertThat(response.getStatusCode()).isEqualTo(401);
    assertThat(response.getBody()).contains("https://orderly.dev/problems/unauthorized");
  }

  static Stream<Named<RuntimeException>> internalFailures() {
    return Stream.of(
        Named.of("IllegalStateException", new IllegalStateException(SECRET)),
        Named.of("NullPointerException", new NullPointerException(SECRET)),
        Named.of(
            "UncheckedIOException",
            new UncheckedIOException(SECRET, new java.io.IOException(SECRET))),
        Named.of("wrapped", new RuntimeException("wrapper", new IllegalArgumentException(SECRET))));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("internalFailures")
  void handle_answersAnyOtherFailureAs500WithoutLeakingIt(RuntimeException failure)
      throws Exception {
    // when
    APIGatewayV2HTTPResponse response =
        ApiHandling.handle(
            event,
            log,
            request -> {
              throw failure;
            });

    // then
    assertThat(response.getStatusCode()).isEqualTo(500);
    assertThat(response.getBody())
        .doesNotContain(SECRET)
        .doesNotContain("orders-prod")
        .doesNotContain(failure.getClass().getName())
        .doesNotContain(failure.getClass().getSimpleName())
        .doesNotContain("wrapper")
        .doesNotContain("at dev.orderly");
    assertThat(JSON.readTree(response.getBody()))
        .isEqualTo(
            JSON.readTree(
                "{\"type\":\"https://orderly.dev/problems/internal-error\","
                    + "\"title\":\"Internal error\",\"status\":500,"
                    + "\"detail\":\"The request could not be completed; retry later.\","
                    + "\"instance\":\"/orders\",\"code\":\"INTERNAL_ERROR\","
                    + "\"correlationId\":\"c-1\"}"));
    assertThat(response.getHeaders()).contains(entry("X-Correlation-Id", "c-1"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("internalFailures")
  void handle_logsTheFailureInFullForOperators(RuntimeException failure) {
    // when
    ApiHandling.handle(
        event,
        log,
        request -> {
          throw failure;
        });

    // then
    JsonNode line = out.only();
    assertThat(line.get("level").asText()).isEqualTo("ERROR");
    assertThat(line.get("message").asText()).isEqualTo("request failed");
    assertThat(line.get("route").asText()).isEqualTo("POST /orders");
    assertThat(line.get("correlationId").asText()).isEqualTo("c-1");
    assertThat(line.get("errorType").asText()).isEqualTo(failure.getClass().getName());
    assertThat(line.get("errorMessage").asText()).isEqualTo(failure.getMessage());
    assertThat(line.get("stackTrace").toString()).contains("ApiHandlingTest");
    assertThat(out.text()).contains(SECRET);
  }

  @Test
  void handle_usesTheRequestIdWhenTheCallerSentNoCorrelationId() {
    // given
    APIGatewayV2HTTPEvent anonymous = Events.request().build();

    // when
    APIGatewayV2HTTPResponse response =
        ApiHandling.handle(
            anonymous,
            log,
            request -> {
              throw new IllegalStateException(SECRET);
            });

    // then
    assertThat(response.getHeaders()).contains(entry("X-Correlation-Id", Events.REQUEST_ID));
    assertThat(response.getBody()).contains("\"correlationId\":\"" + Events.REQUEST_ID + "\"");
  }
}
