package dev.orderly.lambda.http;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ApiRequestTest {

  private static void assertRefused(ThrowingCallable call, ErrorCode code, String detail) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.code()).isEqualTo(code);
              assertThat(e.detail()).isEqualTo(detail);
            });
  }

  /** A JSON object whose UTF-8 encoding is exactly {@code bytes} long. */
  private static String objectOfSize(int bytes) {
    String frame = "{\"note\":\"\"}";
    return "{\"note\":\"" + "x".repeat(bytes - frame.length()) + "\"}";
  }

  // ---- headers, route, path

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {"Idempotency-Key", "idempotency-key", "IDEMPOTENCY-KEY", "iDeMpOtEnCy-KeY"})
  void header_findsAHeaderWhateverItsCase(String asked) {
    // given
    ApiRequest request = Events.request().header("idempotency-key", "k-1").toRequest();

    // when / then
    assertThat(request.header(asked)).contains("k-1");
  }

  @Test
  void header_isEmptyWhenAbsentOrWithoutHeaders() {
    // given
    ApiRequest request = Events.request().header("accept", "*/*").toRequest();
    APIGatewayV2HTTPEvent noHeaders = Events.request().build();
    noHeaders.setHeaders(null);

    // when / then
    assertThat(request.header("Idempotency-Key")).isEmpty();
    assertThat(ApiRequest.of(noHeaders).header("Accept")).isEmpty();
  }

  @Test
  void routeKeyAndPath_comeFromTheEventWithDefaults() {
    // given
    ApiRequest request = Events.request().route("GET /orders/{id}", "/orders/o-1").toRequest();
    APIGatewayV2HTTPEvent bare = new APIGatewayV2HTTPEvent();

    // when / then
    assertThat(request.routeKey()).isEqualTo("GET /orders/{id}");
    assertThat(request.path()).isEqualTo("/orders/o-1");
    assertThat(ApiRequest.of(bare).routeKey()).isEmpty();
    assertThat(ApiRequest.of(bare).path()).isEqualTo("/");
    assertThat(ApiRequest.of(bare).event()).isSameAs(bare);
  }

  @Test
  void of_refusesANullEvent() {
    assertThatThrownBy(() -> ApiRequest.of(null)).isInstanceOf(NullPointerException.class);
  }

  // ---- correlation id

  static Stream<Arguments> correlationIds() {
    String longest = "a".repeat(128);
    return Stream.of(
        Arguments.of("X-Correlation-Id", "c-123", "c-123"),
        Arguments.of("x-correlation-id", "c-123", "c-123"),
        Arguments.of("X-CORRELATION-ID", "A.b_c:d-9", "A.b_c:d-9"),
        Arguments.of("x-correlation-id", longest, longest),
        Arguments.of("x-correlation-id", longest + "a", Events.REQUEST_ID),
        Arguments.of("x-correlation-id", "", Events.REQUEST_ID),
        Arguments.of("x-correlation-id", "has space", Events.REQUEST_ID),
        Arguments.of("x-correlation-id", "line\nbreak", Events.REQUEST_ID),
        Arguments.of("x-correlation-id", "<script>", Events.REQUEST_ID),
        Arguments.of("x-correlation-id", "quote\"d", Events.REQUEST_ID),
        Arguments.of("x-request-id", "c-123", Events.REQUEST_ID));
  }

  @ParameterizedTest(name = "[{index}] {0}: ''{1}'' -> {2}")
  @MethodSource("correlationIds")
  void correlationId_usesAWellFormedHeaderElseTheRequestId(
      String header, String value, String expected) {
    // given
    ApiRequest request = Events.request().header(header, value).toRequest();

    // when
    String correlationId = request.correlationId();

    // then
    assertThat(correlationId).isEqualTo(expected);
  }

  @Test
  void correlationId_isUnknownWithNeitherHeaderNorRequestId() {
    // given
    APIGatewayV2HTTPEvent noContext = Events.request().build();
    noContext.setRequestContext(null);
    APIGatewayV2HTTPEvent noRequestId = Events.request().requestId(null).build();

    // when / then
    assertThat(ApiRequest.of(noContext).correlationId()).isEqualTo("unknown");
    assertThat(ApiRequest.of(noRequestId).correlationId()).isEqualTo("unknown");
  }

  // ---- tenant and subject

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {
        "acme",
        "A",
        "9lives",
        "tenant_1-b",
        "t234567890123456789012345678901234567890123456789012345678901234"
      })
  void tenant_returnsAWellFormedClaim(String tenant) {
    // given
    ApiRequest request = Events.request().claim("tenant_id", tenant).toRequest();

    // when / then
    assertThat(request.tenant()).isEqualTo(tenant);
  }

  @ParameterizedTest(name = "[{index}] ''{0}''")
  @ValueSource(
      strings = {
        "-acme",
        "_acme",
        "ac me",
        "acme#1",
        "a/b",
        "acme\n",
        "t2345678901234567890123456789012345678901234567890123456789012345",
        "ācme"
      })
  void tenant_refusesAMalformedClaim(String tenant) {
    // given
    ApiRequest request = Events.request().claim("tenant_id", tenant).toRequest();

    // when / then
    assertRefused(request::tenant, ErrorCode.UNAUTHORIZED, "The token's tenant is not valid.");
  }

  @ParameterizedTest(name = "[{index}] ''{0}''")
  @NullAndEmptySource
  @ValueSource(strings = {"  "})
  void tenant_refusesAMissingOrBlankClaim(String tenant) {
    // given
    ApiRequest request = Events.request().claim("tenant_id", tenant).toRequest();

    // when / then
    assertRefused(request::tenant, ErrorCode.UNAUTHORIZED, "The token carries no tenant_id claim.");
  }

  @Test
  void tenant_refusesARequestWithoutAuthorizer() {
    // given
    APIGatewayV2HTTPEvent noAuthorizer = Events.request().build();
    noAuthorizer.getRequestContext().setAuthorizer(null);
    APIGatewayV2HTTPEvent noJwt = Events.request().build();
    noJwt.getRequestContext().getAuthorizer().setJwt(null);
    APIGatewayV2HTTPEvent noContext = Events.request().build();
    noContext.setRequestContext(null);

    // when / then
    for (APIGatewayV2HTTPEvent event :
        new APIGatewayV2HTTPEvent[] {noAuthorizer, noJwt, noContext}) {
      assertRefused(
          () -> ApiRequest.of(event).tenant(),
          ErrorCode.UNAUTHORIZED,
          "The token carries no tenant_id claim.");
    }
  }

  @Test
  void subject_returnsTheSubClaimOrRefuses() {
    // given
    ApiRequest signedIn = Events.request().claim("sub", "user-7").toRequest();
    ApiRequest anonymous = Events.request().claim("sub", null).toRequest();

    // when / then
    assertThat(signedIn.subject()).isEqualTo("user-7");
    assertRefused(anonymous::subject, ErrorCode.UNAUTHORIZED, "The token carries no sub claim.");
  }

  // ---- path and query parameters

  @Test
  void pathParameter_returnsTheValue() {
    // given
    ApiRequest request = Events.request().pathParameter("id", "o-1").toRequest();

    // when / then
    assertThat(request.pathParameter("id")).isEqualTo("o-1");
  }

  @ParameterizedTest(name = "[{index}] ''{0}''")
  @NullAndEmptySource
  @ValueSource(strings = {" "})
  void pathParameter_refusesAMissingOrBlankValueAsNotFound(String value) {
    // given
    ApiRequest request = Events.request().pathParameter("id", value).toRequest();
    APIGatewayV2HTTPEvent noParameters = Events.request().build();
    noParameters.setPathParameters(null);

    // when / then
    assertRefused(() -> request.pathParameter("id"), ErrorCode.NOT_FOUND, "No id in the path.");
    assertRefused(
        () -> ApiRequest.of(noParameters).pathParameter("id"),
        ErrorCode.NOT_FOUND,
        "No id in the path.");
  }

  @Test
  void query_returnsANonEmptyValueOnly() {
    // given
    ApiRequest request = Events.request().query("limit", "10").query("cursor", "").toRequest();
    APIGatewayV2HTTPEvent noQuery = Events.request().build();
    noQuery.setQueryStringParameters(null);

    // when / then
    assertThat(request.query("limit")).contains("10");
    assertThat(request.query("cursor")).isEmpty();
    assertThat(request.query("missing")).isEmpty();
    assertThat(ApiRequest.of(noQuery).query("limit")).isEmpty();
  }

  // ---- JSON body

  @Test
  void jsonBody_readsAJsonObject() {
    // given
    ApiRequest request =
        Events.request()
            .header("content-type", "application/json")
            .body("{\"sku\":\"A-1\",\"quantity\":2}")
            .toRequest();

    // when
    ObjectNode body = request.jsonBody();

    // then
    assertThat(body.get("sku").asText()).isEqualTo("A-1");
    assertThat(body.get("quantity").asInt()).isEqualTo(2);
  }

  @ParameterizedTest(name = "[{index}] ''{0}''")
  @ValueSource(
      strings = {
        "application/json",
        "application/json; charset=utf-8",
        "Application/JSON",
        "application/merge-patch+json"
      })
  void jsonBody_acceptsJsonMediaTypes(String type) {
    // given
    ApiRequest request = Events.request().header("Content-Type", type).body("{}").toRequest();

    // when / then
    assertThat(request.jsonBody()).isEmpty();
  }

  @Test
  void jsonBody_acceptsABodyWithoutContentType() {
    // given
    ApiRequest request = Events.request().body("{\"a\":1}").toRequest();

    // when / then
    assertThat(request.jsonBody().has("a")).isTrue();
  }

  @ParameterizedTest(name = "[{index}] ''{0}''")
  @ValueSource(
      strings = {
        "text/plain",
        "application/xml",
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x"
      })
  void jsonBody_refusesAnotherMediaTypeWith415(String type) {
    // given
    ApiRequest request = Events.request().header("content-type", type).body("{}").toRequest();

    // when / then
    assertRefused(
        request::jsonBody, ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Send the body as application/json.");
  }

  @ParameterizedTest(name = "[{index}] ''{0}''")
  @NullAndEmptySource
  void jsonBody_refusesAMissingBody(String body) {
    // given
    ApiRequest request = Events.request().body(body).toRequest();

    // when / then
    assertRefused(request::jsonBody, ErrorCode.MALFORMED_BODY, "The request has no body.");
  }

  @Test
  void jsonBody_acceptsABodyOfExactlyTheLimit() {
    // given
    String body = objectOfSize(ApiRequest.MAX_BODY_BYTES);
    ApiRequest request = Events.request().body(body).toRequest();

    // when
    ObjectNode node = request.jsonBody();

    // then
    assertThat(body.getBytes(UTF_8)).hasSize(65_536);
    assertThat(node.get("note").asText()).hasSize(65_536 - 11);
  }

  @Test
  void jsonBody_refusesABodyOneByteOverTheLimitWith413() {
    // given
    String body = objectOfSize(ApiRequest.MAX_BODY_BYTES + 1);
    ApiRequest request = Events.request().body(body).toRequest();

    // when / then
    assertThat(body.getBytes(UTF_8)).hasSize(65_537);
    assertRefused(
        request::jsonBody, ErrorCode.PAYLOAD_TOO_LARGE, "The body may be at most 65536 bytes.");
  }

  @Test
  void jsonBody_countsTheLimitInUtf8BytesNotCharacters() {
    // given: 40,000 characters, 80,000 bytes
    String body = "{\"note\":\"" + "é".repeat(40_000) + "\"}";
    ApiRequest request = Events.request().body(body).toRequest();

    // when / then
    assertThat(body.length()).isLessThan(ApiRequest.MAX_BODY_BYTES);
    assertRefused(
        request::jsonBody, ErrorCode.PAYLOAD_TOO_LARGE, "The body may be at most 65536 bytes.");
  }

  @Test
  void jsonBody_refusesAHugeBodyWith413() {
    // given
    ApiRequest request = Events.request().body(objectOfSize(1_000_000)).toRequest();

    // when / then
    assertRefused(
        request::jsonBody, ErrorCode.PAYLOAD_TOO_LARGE, "The body may be at most 65536 bytes.");
  }

  @Test
  void jsonBody_decodesABase64Body() {
    // given
    String encoded = Base64.getEncoder().encodeToString("{\"sku\":\"Ä-1\"}".getBytes(UTF_8));
    ApiRequest request = Events.request().base64Body(encoded).toRequest();

    // when
    ObjectNode body = request.jsonBody();

    // then
    assertThat(body.get("sku").asText()).isEqualTo("Ä-1");
  }

  @Test
  void jsonBody_acceptsABase64BodyDecodingToExactlyTheLimit() {
    // given
    byte[] decoded = objectOfSize(ApiRequest.MAX_BODY_BYTES).getBytes(UTF_8);
    ApiRequest request =
        Events.request().base64Body(Base64.getEncoder().encodeToString(decoded)).toRequest();

    // when / then
    assertThat(request.jsonBody().get("note").asText()).hasSize(65_536 - 11);
  }

  @Test
  void jsonBody_refusesABase64BodyDecodingToOneByteOverTheLimit() {
    // given
    byte[] decoded = objectOfSize(ApiRequest.MAX_BODY_BYTES + 1).getBytes(UTF_8);
    ApiRequest request =
        Events.request().base64Body(Base64.getEncoder().encodeToString(decoded)).toRequest();

    // when / then
    assertRefused(
        request::jsonBody, ErrorCode.PAYLOAD_TOO_LARGE, "The body may be at most 65536 bytes.");
  }

  @ParameterizedTest(name = "[{index}] ''{0}''")
  @ValueSource(strings = {"not base64!", "e3=0", "e30=\n", "{}", "e30-"})
  void jsonBody_refusesABodyThatIsNotBase64(String body) {
    // given
    ApiRequest request = Events.request().base64Body(body).toRequest();

    // when / then
    assertRefused(request::jsonBody, ErrorCode.MALFORMED_BODY, "The body is not valid base64.");
  }

  @ParameterizedTest(name = "[{index}] ''{0}''")
  @ValueSource(
      strings = {
        "[]",
        "[{}]",
        "\"text\"",
        "42",
        "null",
        "true",
        "   ",
        "{",
        "{\"a\":}",
        "{'a':1}",
        "{\"a\":1} trailing",
        "{\"a\":1}}",
        "{} {}",
        "{}[]",
      })
  void jsonBody_refusesABodyThatIsNotOneJsonObject(String body) {
    // given
    ApiRequest request = Events.request().body(body).toRequest();

    // when / then
    assertRefused(request::jsonBody, ErrorCode.MALFORMED_BODY, "The body must be a JSON object.");
  }

  static Stream<byte[]> undecodableBytes() {
    return Stream.of(
        new byte[] {'{', (byte) 0xFF, '}'},
        new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, '"', '}'},
        // detected as UTF-32BE, then a code point above U+10FFFF
        new byte[] {0, 0, 0, '{', 0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF},
        new byte[] {0, 0, 0, '{', 0, 0});
  }

  @ParameterizedTest(name = "[{index}]")
  @MethodSource("undecodableBytes")
  void jsonBody_refusesBytesThatAreNotValidTextAsMalformed(byte[] bytes) {
    // given
    ApiRequest request =
        Events.request().base64Body(Base64.getEncoder().encodeToString(bytes)).toRequest();

    // when / then
    assertRefused(request::jsonBody, ErrorCode.MALFORMED_BODY, "The body must be a JSON object.");
  }

  @Test
  void jsonBody_refusesDeeplyNestedJsonAsMalformed() {
    // given
    String body = "{\"a\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}";
    ApiRequest request = Events.request().body(body).toRequest();

    // when / then
    assertRefused(request::jsonBody, ErrorCode.MALFORMED_BODY, "The body must be a JSON object.");
  }

  @Test
  void jsonBody_doesNotLeakTheParserMessage() {
    // given
    ApiRequest request = Events.request().body("{\"secret-looking-token\": nope}").toRequest();

    // when / then
    assertThatThrownBy(request::jsonBody)
        .isInstanceOf(ApiException.class)
        .message()
        .doesNotContain("nope")
        .doesNotContain("Unrecognized token");
  }

  @Test
  void jsonBody_readsTheHeaderCaseInsensitivelyForTheMediaType() {
    // given
    ApiRequest request = Events.request().header("CONTENT-TYPE", "text/csv").body("{}").toRequest();

    // when / then
    assertRefused(
        request::jsonBody, ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Send the body as application/json.");
  }

  @Test
  void constants_matchTheContract() {
    assertThat(ApiRequest.TENANT_CLAIM).isEqualTo("tenant_id");
    assertThat(ApiRequest.MAX_BODY_BYTES).isEqualTo(65_536);
  }
}
