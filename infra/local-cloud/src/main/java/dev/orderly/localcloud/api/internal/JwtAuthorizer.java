package dev.orderly.localcloud.api.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * API Gateway's JWT authorizer for HTTP APIs, following the workflow of
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-jwt-authorizer.html: the
 * token from {@code $request.header.Authorization} (alone or after {@code Bearer}); an RSA
 * signature by the issuer's key named by {@code kid}; {@code iss} equal to the issuer; {@code aud}
 * (or {@code client_id} when there is no {@code aud}) among the audiences; {@code exp} after now,
 * {@code nbf} and {@code iat} not after now (on the injected clock, no skew allowed); and, when the
 * route names scopes, one of them in {@code scope} or {@code scp}.
 *
 * <p>A failed check is 401 {@code {"message":"Unauthorized"}} with a {@code www-authenticate}
 * header in the layout AWS's troubleshooting page shows ({@code Bearer scope=""
 * error="invalid_token" error_description="the token does not have a valid audience"}); that
 * audience description is AWS's, the others are ours in the same style; a missing token gets a bare
 * {@code Bearer}. A token that holds but lacks the route's scopes is 403 {@code
 * {"message":"Forbidden"}}: AWS does not publish this, it is what emulators measured against real
 * HTTP APIs (KensioSoftware/yulin #302, floci-io/floci #2011).
 */
public final class JwtAuthorizer {
  static final String TENANT_CLAIM = "tenant_id";

  private final String issuer;
  private final Set<String> audiences;
  private final JWKSource<SecurityContext> keys;
  private final Clock clock;
  private final ObjectMapper json;

  public JwtAuthorizer(
      String issuer,
      Set<String> audiences,
      JWKSource<SecurityContext> keys,
      Clock clock,
      ObjectMapper json) {
    this.issuer = issuer;
    this.audiences = Set.copyOf(audiences);
    this.keys = keys;
    this.clock = clock;
    this.json = json;
  }

  public AuthOutcome authorize(String authorization, List<String> routeScopes) {
    String token = token(authorization);
    if (token == null) {
      return unauthorized(null, "no token in the Authorization header");
    }
    SignedJWT jwt;
    try {
      jwt = SignedJWT.parse(token);
    } catch (ParseException e) {
      return unauthorized("the token is malformed");
    }
    String signatureProblem = verifySignature(jwt);
    if (signatureProblem != null) {
      return unauthorized(signatureProblem);
    }
    JsonNode claims;
    try {
      claims = json.readTree(jwt.getPayload().toString());
    } catch (JsonProcessingException e) {
      return unauthorized("the token's claims are malformed");
    }
    if (claims == null || !claims.isObject()) {
      return unauthorized("the token's claims are malformed");
    }
    String claimProblem = checkClaims(claims);
    if (claimProblem != null) {
      return unauthorized(claimProblem);
    }
    List<String> scopes = scopes(claims);
    if (!routeScopes.isEmpty()
        && (scopes == null || routeScopes.stream().noneMatch(scopes::contains))) {
      return new AuthOutcome.Refused(
          GatewayResponse.message(403, "Forbidden"),
          "the token does not have a scope the route requires");
    }
    ObjectNode context = JsonNodeFactory.instance.objectNode();
    context.set("claims", ClaimStrings.of(claims));
    if (scopes == null) {
      context.putNull("scopes");
    } else {
      ArrayNode array = context.putArray("scopes");
      scopes.forEach(array::add);
    }
    JsonNode tenant = claims.get(TENANT_CLAIM);
    return new AuthOutcome.Granted(context, tenant == null ? null : ClaimStrings.render(tenant));
  }

  private static String token(String authorization) {
    if (authorization == null) {
      return null;
    }
    String value = authorization.trim();
    if (value.toLowerCase(Locale.ROOT).startsWith("bearer ")) {
      value = value.substring("bearer ".length()).trim();
    }
    return value.isEmpty() ? null : value;
  }

  private String verifySignature(SignedJWT jwt) {
    JWSAlgorithm algorithm = jwt.getHeader().getAlgorithm();
    if (!JWSAlgorithm.Family.RSA.contains(algorithm)) {
      return "the token is not signed with an RSA algorithm";
    }
    String kid = jwt.getHeader().getKeyID();
    if (kid == null) {
      return "the token has no kid";
    }
    List<JWK> candidates;
    try {
      candidates =
          keys.get(
              new JWKSelector(new JWKMatcher.Builder().keyType(KeyType.RSA).keyID(kid).build()),
              null);
    } catch (KeySourceException e) {
      return "the issuer's keys could not be retrieved";
    }
    for (JWK key : candidates) {
      try {
        if (jwt.verify(new RSASSAVerifier(((RSAKey) key).toRSAPublicKey()))) {
          return null;
        }
      } catch (JOSEException e) {
        // not this key
      }
    }
    return candidates.isEmpty()
        ? "the token's kid is not among the issuer's keys"
        : "the token signature is invalid";
  }

  private String checkClaims(JsonNode claims) {
    JsonNode iss = claims.get("iss");
    if (iss == null || !iss.isTextual() || !issuer.equals(iss.textValue())) {
      return "the token does not have a valid issuer";
    }
    if (audiences(claims).stream().noneMatch(audiences::contains)) {
      return "the token does not have a valid audience";
    }
    long now = clock.millis();
    JsonNode exp = claims.get("exp");
    if (exp == null || !exp.isNumber() || exp.asLong() * 1000 <= now) {
      return "the token has expired";
    }
    JsonNode nbf = claims.get("nbf");
    if (nbf != null && (!nbf.isNumber() || nbf.asLong() * 1000 > now)) {
      return "the token is not valid yet";
    }
    JsonNode iat = claims.get("iat");
    if (iat != null && (!iat.isNumber() || iat.asLong() * 1000 > now)) {
      return "the token was issued in the future";
    }
    return null;
  }

  /** {@code aud} when present (string or array); {@code client_id} only when it is not. */
  private static List<String> audiences(JsonNode claims) {
    List<String> claimed = new ArrayList<>();
    JsonNode aud = claims.get("aud");
    if (aud != null) {
      if (aud.isTextual()) {
        claimed.add(aud.textValue());
      } else if (aud.isArray()) {
        aud.forEach(value -> claimed.add(value.asText()));
      }
    } else if (claims.path("client_id").isTextual()) {
      claimed.add(claims.get("client_id").textValue());
    }
    return claimed;
  }

  /** From {@code scope} or {@code scp}: a space-separated string or an array; else null. */
  private static List<String> scopes(JsonNode claims) {
    for (String name : List.of("scope", "scp")) {
      JsonNode value = claims.get(name);
      if (value == null) {
        continue;
      }
      List<String> scopes = new ArrayList<>();
      if (value.isArray()) {
        value.forEach(scope -> scopes.add(scope.asText()));
      } else {
        for (String scope : value.asText().trim().split("\\s+")) {
          if (!scope.isEmpty()) {
            scopes.add(scope);
          }
        }
      }
      return scopes;
    }
    return null;
  }

  private static AuthOutcome unauthorized(String description) {
    return unauthorized(description, description);
  }

  private static AuthOutcome unauthorized(String description, String reason) {
    String challenge =
        description == null
            ? "Bearer"
            : "Bearer scope=\"\" error=\"invalid_token\" error_description=\"" + description + "\"";
    return new AuthOutcome.Refused(
        GatewayResponse.message(401, "Unauthorized", Map.of("www-authenticate", challenge)),
        reason);
  }
}
