package dev.orderly.localcloud.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.JWTClaimsSet;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The event a function receives is API Gateway's payload format 2.0, field for field. */
class PayloadEventTest {
  static final DevKeys KEYS = DevKeys.generate();
  static final String ISSUER = "https://orderly.local/dev";
  static final Instant NOW = Instant.parse("2026-03-12T19:03:58.390Z");

  final ObjectMapper json = new ObjectMapper();
  final RecordingInvoker functions = new RecordingInvoker();
  LocalHttpApi api;
  Http http;
  int port;

  @BeforeEach
  void start() {
    api =
        LocalHttpApi.builder()
            .clock(new MutableClock(NOW))
            .requestIds(() -> "req-1")
            .identity("123456789012", "orderly")
            .functions(functions)
            .jwt(ISSUER, List.of("orderly-api"), KEYS)
            .route(RouteSpec.of("GET /orders/{id}", "get-order"))
            .route(RouteSpec.of("POST /uploads", "upload").withoutAuthorization())
            .build();
    http = new Http(api.start());
    port = api.baseUri().getPort();
  }

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void event_isPayloadFormat2WithClaimsParametersHeadersAndCookies() throws Exception {
    // given
    long iat = NOW.getEpochSecond() - 60;
    String token =
        KEYS.sign(
            new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience("orderly-api")
                .subject("user-1")
                .claim("tenant_id", "tenant-a")
                .claim("cognito:groups", List.of("admins", "buyers"))
                .claim("email_verified", true)
                .claim("scope", "orders/read orders/write")
                .issueTime(Date.from(Instant.ofEpochSecond(iat)))
                .expirationTime(Date.from(Instant.ofEpochSecond(iat + 3600)))
                .build());

    // when
    HttpResponse<String> response =
        http.send(
            http.request("/orders/ord%201?a=1&a=2&b=x%20y&flag")
                .header("Authorization", "Bearer " + token)
                .header("User-Agent", "test-agent")
                .header("X-Custom", "one")
                .header("X-Custom", "two")
                .header("Cookie", "s=1; t=2")
                .GET()
                .build());

    // then
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(functions.last().function()).isEqualTo("get-order");
    JsonNode expected =
        json.readTree(
            """
            {
              "version": "2.0",
              "routeKey": "GET /orders/{id}",
              "rawPath": "/orders/ord%201",
              "rawQueryString": "a=1&a=2&b=x%20y&flag",
              "cookies": ["s=1", "t=2"],
              "headers": {
                "authorization": "Bearer TOKEN",
                "content-length": "0",
                "host": "127.0.0.1:PORT",
                "user-agent": "test-agent",
                "x-custom": "one,two",
                "x-forwarded-for": "127.0.0.1",
                "x-forwarded-proto": "http"
              },
              "queryStringParameters": {"a": "1,2", "b": "x y", "flag": ""},
              "requestContext": {
                "accountId": "123456789012",
                "apiId": "orderly",
                "authorizer": {
                  "jwt": {
                    "claims": {
                      "aud": "orderly-api",
                      "cognito:groups": "[admins buyers]",
                      "email_verified": "true",
                      "exp": "EXP",
                      "iat": "IAT",
                      "iss": "https://orderly.local/dev",
                      "scope": "orders/read orders/write",
                      "sub": "user-1",
                      "tenant_id": "tenant-a"
                    },
                    "scopes": ["orders/read", "orders/write"]
                  }
                },
                "domainName": "127.0.0.1",
                "domainPrefix": "127",
                "http": {
                  "method": "GET",
                  "path": "/orders/ord%201",
                  "protocol": "HTTP/1.1",
                  "sourceIp": "127.0.0.1",
                  "userAgent": "test-agent"
                },
                "requestId": "req-1",
                "routeKey": "GET /orders/{id}",
                "stage": "$default",
                "time": "12/Mar/2026:19:03:58 +0000",
                "timeEpoch": 1773342238390
              },
              "pathParameters": {"id": "ord 1"},
              "isBase64Encoded": false
            }
            """
                .replace("TOKEN", token)
                .replace("PORT", String.valueOf(port))
                .replace("EXP", String.valueOf(iat + 3600))
                .replace("IAT", String.valueOf(iat)));
    assertThat(functions.last().event()).isEqualTo(expected);
    assertThat(response.headers().firstValue("apigw-requestid")).contains("req-1");
  }

  @Test
  void event_isReadByTheLambdaRuntimeAsAnApiGatewayV2HttpEvent() throws Exception {
    // given
    String token =
        new DevTokens(KEYS, ISSUER, "orderly-api", new MutableClock(NOW))
            .mint("tenant-a", "user-1", java.time.Duration.ofHours(1));

    // when
    http.get("/orders/o-1?limit=5", "Bearer " + token);

    // then
    APIGatewayV2HTTPEvent event =
        LambdaEventSerializers.serializerFor(
                APIGatewayV2HTTPEvent.class, getClass().getClassLoader())
            .fromJson(json.writeValueAsString(functions.last().event()));
    assertThat(event.getPathParameters()).containsEntry("id", "o-1");
    assertThat(event.getQueryStringParameters()).containsEntry("limit", "5");
    assertThat(event.getRequestContext().getAuthorizer().getJwt().getClaims())
        .containsEntry("tenant_id", "tenant-a")
        .containsEntry("sub", "user-1");
    assertThat(event.getRequestContext().getHttp().getMethod()).isEqualTo("GET");
    assertThat(event.getRouteKey()).isEqualTo("GET /orders/{id}");
  }

  @Test
  void binaryBody_isBase64Encoded_andRouteWithoutAuthorizerHasNoAuthorizerContext() {
    // given
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2, (byte) 0xff};

    // when
    http.send(
        http.request("/uploads")
            .header("Content-Type", "image/png")
            .POST(HttpRequest.BodyPublishers.ofByteArray(png))
            .build());

    // then
    JsonNode event = functions.last().event();
    assertThat(event.get("isBase64Encoded").booleanValue()).isTrue();
    assertThat(Base64.getDecoder().decode(event.get("body").textValue())).isEqualTo(png);
    assertThat(event.get("requestContext").has("authorizer")).isFalse();
    assertThat(event.has("pathParameters")).isFalse();
    assertThat(event.has("queryStringParameters")).isFalse();
    assertThat(event.has("cookies")).isFalse();
    assertThat(event.get("rawQueryString").textValue()).isEmpty();
  }

  @Test
  void jsonBody_isPassedAsText() {
    // given
    String body = "{\"sku\":\"ABC\",\"note\":\"é\"}";

    // when
    http.send(
        http.request("/uploads")
            .header("Content-Type", "application/json; charset=utf-8")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());

    // then
    JsonNode event = functions.last().event();
    assertThat(event.get("isBase64Encoded").booleanValue()).isFalse();
    assertThat(event.get("body").textValue()).isEqualTo(body);
    assertThat(event.get("headers").get("content-length").textValue())
        .isEqualTo(String.valueOf(body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length));
  }

  @Test
  void formBody_isBase64Encoded_asMeasuredOnAws() {
    // when
    http.send(
        http.request("/uploads")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("a=1"))
            .build());

    // then
    JsonNode event = functions.last().event();
    assertThat(event.get("isBase64Encoded").booleanValue()).isTrue();
    assertThat(event.get("body").textValue()).isEqualTo("YT0x");
  }
}
