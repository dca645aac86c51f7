package dev.orderly.localcloud.api;

import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;

/**
 * Mints the tokens a local caller presents to the HTTP API, as the identity provider would issue
 * them: signed by the {@link DevKeys}, {@code iss} the local issuer, {@code aud} the API's
 * audience, {@code sub}, {@code tenant_id} (every key of the system is prefixed with it), {@code
 * iat} and {@code exp} on the injected clock.
 */
public final class DevTokens {
  /** The claim the functions read the caller's tenant from. */
  public static final String TENANT_CLAIM = "tenant_id";

  private final DevKeys keys;
  private final String issuer;
  private final String audience;
  private final Clock clock;

  public DevTokens(DevKeys keys, String issuer, String audience, Clock clock) {
    this.keys = Objects.requireNonNull(keys, "keys");
    this.issuer = requireText(issuer, "issuer");
    this.audience = requireText(audience, "audience");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** A token for {@code subject} of {@code tenant}, valid for {@code ttl} from now. */
  public String mint(String tenant, String subject, Duration ttl) {
    return mint(tenant, subject, ttl, List.of());
  }

  /** A token that also claims these OAuth scopes (the {@code scope} claim, space-separated). */
  public String mint(String tenant, String subject, Duration ttl, List<String> scopes) {
    requireText(tenant, "tenant");
    requireText(subject, "subject");
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("A token's time to live must be positive, got " + ttl);
    }
    Instant now = Instant.ofEpochSecond(clock.instant().getEpochSecond());
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .issuer(issuer)
            .audience(audience)
            .subject(subject)
            .claim(TENANT_CLAIM, tenant)
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(ttl)));
    if (!scopes.isEmpty()) {
      claims.claim("scope", String.join(" ", scopes));
    }
    return keys.sign(claims.build());
  }

  private static String requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("A dev token needs a " + name);
    }
    return value;
  }
}
