package dev.orderly.localcloud.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderly.localcloud.spi.FunctionNotFoundException;
import dev.orderly.localcloud.spi.InvokeResult;
import dev.orderly.localcloud.spi.TooManyRequestsException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How a function's answer becomes the HTTP response, and what the gateway answers instead. */
class IntegrationResponseTest {
  final RecordingInvoker functions = new RecordingInvoker();
  final CountDownLatch release = new CountDownLatch(1);
  LocalHttpApi api;
  Http http;

  @BeforeEach
  void start() {
    api =
        LocalHttpApi.builder()
            .functions(functions)
            .route(RouteSpec.of("ANY /fn/{name}", "by-name").withoutAuthorization())
            .build();
    http = new Http(api.start());
  }

  @AfterEach
  void stop() {
    release.countDown();
    api.close();
  }

  private HttpResponse<String> call(String answer) {
    functions.answer("by-name", answer);
    return http.get("/fn/x");
  }

  @Test
  void structuredResponse_setsStatusHeadersCookiesAndBody() {
    // when
    HttpResponse<String> response =
        call(
            """
            {"statusCode": 201,
             "headers": {"Content-Type": "application/problem+json", "x-n": 7},
             "multiValueHeaders": {"x-multi": ["a", "b"]},
             "cookies": ["a=1; Path=/", "b=2"],
             "body": "{\\"id\\":\\"o-1\\"}",
             "isBase64Encoded": false}
            """);

    // then
    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(response.body()).isEqualTo("{\"id\":\"o-1\"}");
    assertThat(response.headers().firstValue("content-type")).contains("application/problem+json");
    assertThat(response.headers().firstValue("x-n")).contains("7");
    assertThat(response.headers().allValues("x-multi")).containsExactly("a", "b");
    assertThat(response.headers().allValues("set-cookie")).containsExactly("a=1; Path=/", "b=2");
  }

  @Test
  void structuredResponse_decodesABase64Body() {
    // given
    functions.answer(
        "by-name", "{\"statusCode\":200,\"body\":\"AAEC/w==\",\"isBase64Encoded\":true}");

    // when
    HttpResponse<byte[]> response = http.sendForBytes(http.request("/fn/x").GET().build());

    // then
    assertThat(response.body()).containsExactly(0, 1, 2, 0xff);
  }

  @Test
  void structuredResponse_withoutBody_isEmpty() {
    // when
    HttpResponse<String> response = call("{\"statusCode\":204}");

    // then
    assertThat(response.statusCode()).isEqualTo(204);
    assertThat(response.body()).isEmpty();
  }

  @Test
  void jsonWithoutStatusCode_isInferredAs200Json() {
    // when
    HttpResponse<String> response = call("{\"message\": \"Hello from Lambda!\"}");

    // then
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type")).contains("application/json");
    assertThat(response.body()).isEqualTo("{\"message\": \"Hello from Lambda!\"}");
  }

  @Test
  void jsonString_isInferredAs200WithTheStringAsBody() {
    // when
    HttpResponse<String> response = call("\"Hello from Lambda!\"");

    // then
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("Hello from Lambda!");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "not json",
        "{\"statusCode\": \"200\"}",
        "{\"statusCode\": 42}",
        "{\"statusCode\": 200, \"body\": {\"an\": \"object\"}}",
        "{\"statusCode\": 200, \"headers\": [\"x\"]}",
        "{\"statusCode\": 200, \"body\": \"%%%\", \"isBase64Encoded\": true}",
        ""
      })
  void malformedResponse_is500(String answer) {
    // when
    HttpResponse<String> response = call(answer);

    // then
    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.body()).isEqualTo("{\"message\":\"Internal Server Error\"}");
  }

  @Test
  void functionError_is500() {
    // given
    functions.answer(
        "by-name",
        event ->
            InvokeResult.unhandled(
                "{\"errorMessage\":\"boom\",\"errorType\":\"java.lang.IllegalStateException\"}"
                    .getBytes(StandardCharsets.UTF_8)));

    // when
    HttpResponse<String> response = http.get("/fn/x");

    // then
    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.body()).isEqualTo("{\"message\":\"Internal Server Error\"}");
  }

  @Test
  void unknownFunction_is500() {
    // given
    functions.answer(
        "by-name",
        event -> {
          throw new FunctionNotFoundException("by-name");
        });

    // then
    assertThat(http.get("/fn/x").statusCode()).isEqualTo(500);
  }

  @Test
  void throttledFunction_is429() {
    // given
    functions.answer(
        "by-name",
        event -> {
          throw new TooManyRequestsException("by-name", 1);
        });

    // when
    HttpResponse<String> response = http.get("/fn/x");

    // then
    assertThat(response.statusCode()).isEqualTo(429);
    assertThat(response.body()).isEqualTo("{\"message\":\"Too Many Requests\"}");
  }

  @Test
  void functionSlowerThanTheIntegrationTimeout_is503() {
    // given
    functions.answer(
        "by-name",
        event -> {
          try {
            release.await(10, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return RecordingInvoker.ok("{\"statusCode\":200}");
        });
    // the others run on the default 30 s, so a slow machine cannot turn their answers into 503s
    api.close();
    api =
        LocalHttpApi.builder()
            .functions(functions)
            .integrationTimeout(Duration.ofSeconds(1))
            .route(RouteSpec.of("ANY /fn/{name}", "by-name").withoutAuthorization())
            .build();
    http = new Http(api.start());

    // when
    HttpResponse<String> response = http.get("/fn/x");

    // then
    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.body()).isEqualTo("{\"message\":\"Service Unavailable\"}");
  }

  @Test
  void bodyOverTenMegabytes_is413_andTheFunctionIsNotInvoked() {
    // given
    byte[] body = new byte[10 * 1024 * 1024 + 1];

    // when
    HttpResponse<String> response =
        http.send(
            http.request("/fn/x")
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build());

    // then
    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.body()).isEqualTo("{\"message\":\"Request Entity Too Large\"}");
    assertThat(functions.calls()).isEmpty();
  }

  @Test
  void bodyAboveTheFunctionsLimitButUnderTheQuota_isPassedThrough() {
    // given
    String body = "x".repeat(200 * 1024);

    // when
    HttpResponse<String> response =
        http.send(
            http.request("/fn/x")
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());

    // then
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(functions.last().event().get("body").textValue()).isEqualTo(body);
  }
}
