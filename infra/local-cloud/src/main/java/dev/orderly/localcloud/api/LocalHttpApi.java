package dev.orderly.localcloud.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import dev.orderly.localcloud.api.internal.ApiConfig;
import dev.orderly.localcloud.api.internal.HttpApiServer;
import dev.orderly.localcloud.api.internal.JwtAuthorizer;
import dev.orderly.localcloud.api.internal.Throttles;
import dev.orderly.localcloud.spi.FunctionInvoker;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The template's HTTP API ({@code AWS::Serverless::HttpApi}) on loopback: routes to functions
 * through the {@link FunctionInvoker} with API Gateway payload format 2.0 events, the JWT
 * authorizer, per-route throttling and the access log, answering as API Gateway answers.
 *
 * <pre>{@code
 * try (LocalHttpApi api = LocalHttpApi.builder()
 *     .functions(invoker)
 *     .jwt("https://orderly.local/dev", List.of("orderly-api"), DevKeys.loadOrCreate(keyFile))
 *     .route(RouteSpec.of("GET /orders/{id}", "orderly-dev-get-order"))
 *     .throttling(100, 200)
 *     .routeThrottling("POST /orders", 50, 100)
 *     .build()) {
 *   URI base = api.start();
 * }
 * }</pre>
 */
public final class LocalHttpApi implements AutoCloseable {
  private final ApiConfig config;
  private HttpApiServer server;

  private LocalHttpApi(ApiConfig config) {
    this.config = config;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Starts listening; returns the base URI, for example {@code http://127.0.0.1:49152}. */
  public synchronized URI start() {
    if (server != null) {
      throw new IllegalStateException("The HTTP API is already started at " + server.baseUri());
    }
    server = new HttpApiServer(config);
    return server.baseUri();
  }

  /** The base URI of the started API. */
  public synchronized URI baseUri() {
    if (server == null) {
      throw new IllegalStateException("The HTTP API is not started");
    }
    return server.baseUri();
  }

  /** Stops listening and abandons requests in flight. */
  @Override
  public synchronized void close() {
    if (server != null) {
      server.close();
      server = null;
    }
  }

  /** Collects the API's settings; defaults are API Gateway's. */
  public static final class Builder {
    private int port;
    private int threads = 32;
    private Clock clock = Clock.systemUTC();
    private Supplier<String> requestIds = randomRequestIds(new SecureRandom());
    private FunctionInvoker functions;
    private final List<RouteSpec> routes = new ArrayList<>();
    private String issuer;
    private Collection<String> audiences;
    private JWKSource<SecurityContext> keys;
    private JWKSet publishedKeys;
    // The account-level defaults of API Gateway.
    private Throttles.Limit defaultThrottle = new Throttles.Limit(10_000, 5_000);
    private final Map<String, Throttles.Limit> routeThrottles = new LinkedHashMap<>();
    private Consumer<String> accessLog = line -> {};
    private Duration integrationTimeout = Duration.ofSeconds(30);
    private String accountId = "000000000000";
    private String apiId = "local";

    private Builder() {}

    /** The loopback port; 0 (the default) takes an ephemeral one. */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /** The bound on request threads (and on integration threads); 32 by default. */
    public Builder threads(int threads) {
      this.threads = threads;
      return this;
    }

    /** The clock of token validity, throttling and the event's {@code time}. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Where {@code apigw-requestid} and {@code requestContext.requestId} come from. */
    public Builder requestIds(Supplier<String> requestIds) {
      this.requestIds = Objects.requireNonNull(requestIds, "requestIds");
      return this;
    }

    public Builder functions(FunctionInvoker functions) {
      this.functions = Objects.requireNonNull(functions, "functions");
      return this;
    }

    /** The JWT authorizer, verifying with an issuer's keys (a JWKS fetched from its URL, say). */
    public Builder jwt(
        String issuer, Collection<String> audiences, JWKSource<SecurityContext> keys) {
      this.issuer = requireText(issuer, "issuer");
      this.audiences = List.copyOf(audiences);
      if (this.audiences.isEmpty()) {
        throw new IllegalArgumentException("A JWT authorizer needs at least one audience");
      }
      this.keys = Objects.requireNonNull(keys, "keys");
      this.publishedKeys = null;
      return this;
    }

    /**
     * The JWT authorizer with the dev keys as the issuer's keys; the API then also serves {@code
     * /.well-known/openid-configuration} and {@code /.well-known/jwks.json} for them.
     */
    public Builder jwt(String issuer, Collection<String> audiences, DevKeys devKeys) {
      jwt(issuer, audiences, devKeys.jwkSource());
      this.publishedKeys = devKeys.publicJwkSet();
      return this;
    }

    public Builder route(RouteSpec route) {
      routes.add(Objects.requireNonNull(route, "route"));
      return this;
    }

    /** The stage's {@code DefaultRouteSettings}: requests per second and burst per route. */
    public Builder throttling(double rate, int burst) {
      this.defaultThrottle = new Throttles.Limit(rate, burst);
      return this;
    }

    /** The stage's {@code RouteSettings} for one route key, such as {@code "POST /orders"}. */
    public Builder routeThrottling(String routeKey, double rate, int burst) {
      routeThrottles.put(requireText(routeKey, "route key"), new Throttles.Limit(rate, burst));
      return this;
    }

    /** Receives one JSON line per request, in the template's access log format. */
    public Builder accessLog(Consumer<String> accessLog) {
      this.accessLog = Objects.requireNonNull(accessLog, "accessLog");
      return this;
    }

    /** How long the API waits for a function; API Gateway's 30 s by default. */
    public Builder integrationTimeout(Duration integrationTimeout) {
      this.integrationTimeout = Objects.requireNonNull(integrationTimeout, "integrationTimeout");
      return this;
    }

    /** The event's {@code requestContext.accountId} and {@code apiId}. */
    public Builder identity(String accountId, String apiId) {
      this.accountId = requireText(accountId, "account id");
      this.apiId = requireText(apiId, "api id");
      return this;
    }

    public LocalHttpApi build() {
      JwtAuthorizer authorizer =
          keys == null
              ? null
              : new JwtAuthorizer(
                  issuer, new LinkedHashSet<>(audiences), keys, clock, new ObjectMapper());
      return new LocalHttpApi(
          new ApiConfig(
              port,
              threads,
              clock,
              requestIds,
              functions,
              routes,
              authorizer,
              issuer,
              publishedKeys,
              defaultThrottle,
              routeThrottles,
              accessLog,
              integrationTimeout,
              accountId,
              apiId));
    }

    private static String requireText(String value, String name) {
      if (value == null || value.isBlank()) {
        throw new IllegalArgumentException("The HTTP API needs a " + name);
      }
      return value;
    }

    /** API Gateway's ids look like {@code Mc7UVioPPHcEKPA=}: 10 random bytes in base64. */
    private static Supplier<String> randomRequestIds(SecureRandom random) {
      return () -> {
        byte[] bytes = new byte[10];
        random.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
      };
    }
  }
}
