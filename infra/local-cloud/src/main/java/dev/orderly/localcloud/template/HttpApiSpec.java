package dev.orderly.localcloud.template;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An {@code AWS::Serverless::HttpApi} with the routes its functions' {@code HttpApi} events give
 * it, each carrying its effective authorizer and throttling.
 *
 * @param apiId what {@code Ref} of the API answers (deterministic, ten lowercase characters)
 * @param defaultThrottling DefaultRouteSettings, or API Gateway's account limits where absent
 */
public record HttpApiSpec(
    String logicalId,
    String apiId,
    Map<String, JwtAuthorizer> authorizers,
    Optional<String> defaultAuthorizer,
    Throttling defaultThrottling,
    List<Route> routes) {
  public HttpApiSpec {
    Objects.requireNonNull(logicalId, "logicalId");
    Objects.requireNonNull(apiId, "apiId");
    authorizers = Copies.map(authorizers);
    Objects.requireNonNull(defaultAuthorizer, "defaultAuthorizer");
    Objects.requireNonNull(defaultThrottling, "defaultThrottling");
    routes = Copies.list(routes);
  }

  /** The route of that key ("POST /orders"), if any. */
  public Optional<Route> route(String routeKey) {
    return routes.stream().filter(r -> r.routeKey().equals(routeKey)).findFirst();
  }

  /**
   * One route: {@code method} is upper case ({@code ANY} matches every method), {@code path} as
   * written ({@code /orders/{id}}, greedy {@code {proxy+}}).
   *
   * @param authorizer empty when the route is open (no DefaultAuthorizer, or {@code NONE})
   */
  public record Route(
      String method,
      String path,
      String functionLogicalId,
      String functionName,
      Optional<JwtAuthorizer> authorizer,
      List<String> authorizationScopes,
      Throttling throttling) {
    public Route {
      Objects.requireNonNull(method, "method");
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(functionLogicalId, "functionLogicalId");
      Objects.requireNonNull(functionName, "functionName");
      Objects.requireNonNull(authorizer, "authorizer");
      authorizationScopes = Copies.list(authorizationScopes);
      Objects.requireNonNull(throttling, "throttling");
    }

    public String routeKey() {
      return method + " " + path;
    }
  }

  /**
   * A JWT authorizer: the token is taken from {@code identitySource} (e.g. {@code
   * $request.header.Authorization}), its {@code iss} must equal {@code issuer} and its {@code aud}
   * (or {@code client_id}) be one of {@code audience}.
   */
  public record JwtAuthorizer(
      String name, String identitySource, String issuer, List<String> audience) {
    public JwtAuthorizer {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(identitySource, "identitySource");
      Objects.requireNonNull(issuer, "issuer");
      audience = Copies.list(audience);
    }
  }

  /** Steady-state requests per second and burst, per route. */
  public record Throttling(double rateLimit, int burstLimit) {
    /** API Gateway's default account-level limits, which apply where the template sets none. */
    public static final Throttling ACCOUNT_DEFAULT = new Throttling(10_000, 5_000);
  }
}
