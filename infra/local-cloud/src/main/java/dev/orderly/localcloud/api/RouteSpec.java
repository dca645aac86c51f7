package dev.orderly.localcloud.api;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One route of the HTTP API, as an {@code HttpApi} event of a function in template.yaml declares
 * it: a method ({@code ANY} for all) and a path with {@code {name}} and a trailing greedy {@code
 * {name+}} variable, or the catch-all {@code $default} route.
 *
 * @param method an HTTP method, {@code ANY}, or {@code $default} for the catch-all route
 * @param path the resource path, for example {@code /orders/{id}}; {@code null} for {@code
 *     $default}
 * @param functionName what the route invokes through the {@code FunctionInvoker}
 * @param authorized whether the API's JWT authorizer guards the route (the template's {@code
 *     DefaultAuthorizer}); {@code false} is a route that opts out ({@code Authorizer: NONE})
 * @param scopes the route's {@code AuthorizationScopes}: the token must claim at least one
 */
public record RouteSpec(
    String method, String path, String functionName, boolean authorized, List<String> scopes) {
  /** The route key of the catch-all route. */
  public static final String DEFAULT = "$default";

  private static final Set<String> METHODS =
      Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "ANY");
  private static final Pattern SEGMENT = Pattern.compile("[^{}/]+|\\{[A-Za-z0-9._-]+\\+?}|");

  public RouteSpec {
    Objects.requireNonNull(method, "method");
    if (functionName == null || functionName.isBlank()) {
      throw new IllegalArgumentException("A route needs a function name: " + method + " " + path);
    }
    scopes = List.copyOf(scopes == null ? List.of() : scopes);
    if (!scopes.isEmpty() && !authorized) {
      throw new IllegalArgumentException(
          "Route " + method + " " + path + " has authorization scopes but no authorizer");
    }
    if (DEFAULT.equals(method)) {
      if (path != null && !DEFAULT.equals(path)) {
        throw new IllegalArgumentException("The $default route has no path, got " + path);
      }
      path = null;
    } else {
      method = method.toUpperCase(Locale.ROOT);
      if (!METHODS.contains(method)) {
        throw new IllegalArgumentException("Unsupported route method: " + method);
      }
      validatePath(path);
    }
  }

  /**
   * A route from its key ({@code "GET /orders/{id}"} or {@code "$default"}), guarded by the
   * authorizer and requiring no scopes.
   */
  public static RouteSpec of(String routeKey, String functionName) {
    Objects.requireNonNull(routeKey, "routeKey");
    if (DEFAULT.equals(routeKey)) {
      return new RouteSpec(DEFAULT, null, functionName, true, List.of());
    }
    int space = routeKey.indexOf(' ');
    if (space < 0) {
      throw new IllegalArgumentException(
          "A route key is \"METHOD /path\" or \"$default\", got: " + routeKey);
    }
    return new RouteSpec(
        routeKey.substring(0, space), routeKey.substring(space + 1), functionName, true, List.of());
  }

  /** This route without the authorizer ({@code Auth: Authorizer: NONE}). */
  public RouteSpec withoutAuthorization() {
    return new RouteSpec(method, path, functionName, false, List.of());
  }

  /** This route requiring one of these scopes ({@code AuthorizationScopes}). */
  public RouteSpec withScopes(String... required) {
    return new RouteSpec(method, path, functionName, true, List.of(required));
  }

  /** {@code "METHOD /path"}, or {@code "$default"}: the key API Gateway names the route by. */
  public String routeKey() {
    return path == null ? DEFAULT : method + " " + path;
  }

  private static void validatePath(String path) {
    if (path == null || !path.startsWith("/")) {
      throw new IllegalArgumentException("A route path starts with '/', got: " + path);
    }
    String[] segments = path.substring(1).split("/", -1);
    for (int i = 0; i < segments.length; i++) {
      String segment = segments[i];
      if (!SEGMENT.matcher(segment).matches() || (segment.isEmpty() && !"/".equals(path))) {
        throw new IllegalArgumentException(
            "Unsupported route path segment '" + segment + "' in " + path);
      }
      if (segment.endsWith("+}") && i != segments.length - 1) {
        throw new IllegalArgumentException(
            "A greedy path variable must end the route path: " + path);
      }
    }
  }
}
