package dev.orderly.localcloud.api.internal;

import com.nimbusds.jose.jwk.JWKSet;
import dev.orderly.localcloud.api.RouteSpec;
import dev.orderly.localcloud.spi.FunctionInvoker;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Everything the HTTP API is configured with, checked: what the builder of {@code LocalHttpApi}
 * collects.
 *
 * @param jwt the authorizer, or {@code null} when the API has none
 * @param publishedKeys the public keys to serve at {@code /.well-known/jwks.json} (the dev keys),
 *     or {@code null} to serve no discovery documents
 */
public record ApiConfig(
    int port,
    int threads,
    Clock clock,
    Supplier<String> requestIds,
    FunctionInvoker functions,
    List<RouteSpec> routes,
    JwtAuthorizer jwt,
    String issuer,
    JWKSet publishedKeys,
    Throttles.Limit defaultThrottle,
    Map<String, Throttles.Limit> routeThrottles,
    Consumer<String> accessLog,
    Duration integrationTimeout,
    String accountId,
    String apiId) {
  public ApiConfig {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("Port out of range: " + port);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("The API needs at least one thread, got " + threads);
    }
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(requestIds, "requestIds");
    Objects.requireNonNull(functions, "functions: the API needs a FunctionInvoker");
    routes = List.copyOf(routes);
    Objects.requireNonNull(defaultThrottle, "defaultThrottle");
    routeThrottles = Map.copyOf(routeThrottles);
    Objects.requireNonNull(accessLog, "accessLog");
    if (integrationTimeout.isNegative() || integrationTimeout.isZero()) {
      throw new IllegalArgumentException("The integration timeout must be positive");
    }
    Set<String> keys = new HashSet<>();
    for (RouteSpec route : routes) {
      if (!keys.add(route.routeKey())) {
        throw new IllegalArgumentException("Duplicate route: " + route.routeKey());
      }
    }
    for (String key : routeThrottles.keySet()) {
      if (routes.stream().noneMatch(route -> route.routeKey().equals(key))) {
        throw new IllegalArgumentException(
            "Route settings name a route the API does not have: " + key);
      }
    }
    for (RouteSpec route : routes) {
      if (route.authorized() && jwt == null) {
        throw new IllegalArgumentException(
            "Route " + route.routeKey() + " is authorized but the API has no JWT authorizer");
      }
    }
  }
}
