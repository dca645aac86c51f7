package dev.orderly.localcloud.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The JWT authorizer admits what API Gateway admits and refuses with what it refuses with. */
class JwtAuthorizerTest {
  static final DevKeys KEYS = DevKeys.generate();
  static final DevKeys OTHER_KEYS = DevKeys.generate();
  static final String ISSUER = "https://orderly.local/dev";
  static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");
  static final String INVALID = "Bearer scope=\"\" error=\"invalid_token\" error_description=";

  final MutableClock clock = new MutableClock(NOW);
  final RecordingInvoker functions = new RecordingInvoker();
  final DevTokens tokens = new DevTokens(KEYS, ISSUER, "orderly-api", clock);
  LocalHttpApi api;
  Http http;

  @BeforeEach
  void start() {
    api =
        LocalHttpApi.builder()
            .clock(clock)
            .functions(functions)
            .jwt(ISSUER, List.of("orderly-api", "orderly-cli"), KEYS)
            .route(RouteSpec.of("GET /orders/{id}", "get-order"))
            .route(RouteSpec.of("GET /admin", "admin").withScopes("orders/admin", "root"))
            .route(RouteSpec.of("GET /health", "health").withoutAuthorization())
            .build();
    http = new Http(api.start());
  }

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void validDevToken_reachesTheFunctionWithItsClaims() {
    // given
    String token = tokens.mint("tenant-a", "user-1", Duration.ofMinutes(15));

    // when
    HttpResponse<String> response = http.get("/orders/o-1", "Bearer " + token);

    // then
    assertThat(response.statusCode()).isEqualTo(200);
    var jwt = functions.last().event().get("requestContext").get("authorizer").get("jwt");
    assertThat(jwt.get("claims").get("tenant_id").textValue()).isEqualTo("tenant-a");
    assertThat(jwt.get("claims").get("sub").textValue()).isEqualTo("user-1");
    assertThat(jwt.get("claims").get("iss").textValue()).isEqualTo(ISSUER);
    assertThat(jwt.get("claims").get("exp").textValue())
        .isEqualTo(String.valueOf(NOW.plusSeconds(900).getEpochSecond()));
    assertThat(jwt.get("scopes").isNull()).isTrue();
  }

  @Test
  void rawTokenWithoutBearer_isAccepted() {
    // when
    HttpResponse<String> response =
        http.get("/orders/o-1", tokens.mint("tenant-a", "user-1", Duration.ofMinutes(15)));

    // then
    assertThat(response.statusCode()).isEqualTo(200);
  }

  @Test
  void clientIdStandsInForAud_onlyWhenThereIsNoAud() {
    // given
    String cognitoAccess =
        sign(claims -> claims.audience((String) null).claim("client_id", "orderly-cli"));
    String audWins =
        sign(claims -> claims.audience("someone-else").claim("client_id", "orderly-cli"));

    // then
    assertThat(http.get("/orders/o-1", "Bearer " + cognitoAccess).statusCode()).isEqualTo(200);
    assertThat(http.get("/orders/o-1", "Bearer " + audWins).statusCode()).isEqualTo(401);
  }

  static Stream<Arguments> refusedTokens() {
    return Stream.of(
        Arguments.of("malformed", "Bearer not.a.jwt", INVALID + "\"the token is malformed\""),
        Arguments.of(
            "signed by another key",
            "Bearer " + signWith(OTHER_KEYS, UnaryOperator.identity()),
            INVALID + "\"the token's kid is not among the issuer's keys\""),
        Arguments.of(
            "wrong issuer",
            "Bearer " + signWith(KEYS, c -> c.issuer("https://evil.example")),
            INVALID + "\"the token does not have a valid issuer\""),
        Arguments.of(
            "wrong audience",
            "Bearer " + signWith(KEYS, c -> c.audience("another-api")),
            INVALID + "\"the token does not have a valid audience\""),
        Arguments.of(
            "not yet valid",
            "Bearer " + signWith(KEYS, c -> c.notBeforeTime(Date.from(NOW.plusSeconds(60)))),
            INVALID + "\"the token is not valid yet\""),
        Arguments.of(
            "no exp",
            "Bearer " + signWith(KEYS, c -> c.expirationTime(null)),
            INVALID + "\"the token has expired\""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusedTokens")
  void invalidToken_is401WithAChallenge(String why, String authorization, String challenge) {
    // when
    HttpResponse<String> response = http.get("/orders/o-1", authorization);

    // then
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).isEqualTo("{\"message\":\"Unauthorized\"}");
    assertThat(response.headers().firstValue("www-authenticate")).contains(challenge);
    assertThat(functions.calls()).isEmpty();
  }

  @Test
  void missingToken_is401WithABareBearerChallenge() {
    // when
    HttpResponse<String> response = http.get("/orders/o-1");

    // then
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("www-authenticate")).contains("Bearer");
    assertThat(functions.calls()).isEmpty();
  }

  @Test
  void tamperedSignature_is401() {
    // given
    String token = tokens.mint("tenant-a", "user-1", Duration.ofMinutes(15));
    String[] parts = token.split("\\.");
    String forged =
        parts[0]
            + "."
            + java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                    new String(java.util.Base64.getUrlDecoder().decode(parts[1]))
                        .replace("tenant-a", "tenant-b")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8))
            + "."
            + parts[2];

    // when
    HttpResponse<String> response = http.get("/orders/o-1", "Bearer " + forged);

    // then
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("www-authenticate"))
        .contains(INVALID + "\"the token signature is invalid\"");
  }

  @Test
  void tokenExpires_whenTheClockPassesExp() {
    // given
    String token = tokens.mint("tenant-a", "user-1", Duration.ofMinutes(15));
    assertThat(http.get("/orders/o-1", "Bearer " + token).statusCode()).isEqualTo(200);

    // when
    clock.advance(Duration.ofMinutes(15));

    // then
    HttpResponse<String> response = http.get("/orders/o-1", "Bearer " + token);
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("www-authenticate"))
        .contains(INVALID + "\"the token has expired\"");
  }

  @Test
  void routeScopes_admitATokenWithOne_andForbidOthers() {
    // given
    String admin =
        tokens.mint("tenant-a", "user-1", Duration.ofMinutes(5), List.of("orders/read", "root"));
    String reader =
        tokens.mint("tenant-a", "user-1", Duration.ofMinutes(5), List.of("orders/read"));
    String none = tokens.mint("tenant-a", "user-1", Duration.ofMinutes(5));

    // when
    HttpResponse<String> admitted = http.get("/admin", "Bearer " + admin);
    HttpResponse<String> forbidden = http.get("/admin", "Bearer " + reader);
    HttpResponse<String> noScopes = http.get("/admin", "Bearer " + none);

    // then
    assertThat(admitted.statusCode()).isEqualTo(200);
    assertThat(functions.last().event().at("/requestContext/authorizer/jwt/scopes").toString())
        .isEqualTo("[\"orders/read\",\"root\"]");
    assertThat(forbidden.statusCode()).isEqualTo(403);
    assertThat(forbidden.body()).isEqualTo("{\"message\":\"Forbidden\"}");
    assertThat(noScopes.statusCode()).isEqualTo(403);
    assertThat(functions.calls()).hasSize(1);
  }

  @Test
  void scpArray_countsAsScopes() {
    // given
    String token = sign(claims -> claims.claim("scp", List.of("root")));

    // then
    assertThat(http.get("/admin", "Bearer " + token).statusCode()).isEqualTo(200);
  }

  @Test
  void routeWithoutAuthorizer_ignoresTheToken() {
    // when
    HttpResponse<String> response = http.get("/health", "Bearer garbage");

    // then
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(functions.last().event().get("requestContext").has("authorizer")).isFalse();
  }

  private String sign(UnaryOperator<JWTClaimsSet.Builder> change) {
    return signWith(KEYS, change);
  }

  private static String signWith(DevKeys keys, UnaryOperator<JWTClaimsSet.Builder> change) {
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .issuer(ISSUER)
            .audience("orderly-api")
            .subject("user-1")
            .claim("tenant_id", "tenant-a")
            .issueTime(Date.from(NOW))
            .expirationTime(Date.from(NOW.plusSeconds(300)));
    return keys.sign(change.apply(claims).build());
  }
}
