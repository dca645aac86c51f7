package dev.orderly.localcloud.api.internal;

import dev.orderly.localcloud.api.RouteSpec;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Selects the route of a request as API Gateway does for HTTP APIs ("Routing API requests" in
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-routes.html): the
 * most specific match wins, in this order of priority:
 *
 * <ol>
 *   <li>a full match of route and method (path variables match one segment each; where two full
 *       matches differ, a literal segment beats a variable, leftmost difference first — the guide's
 *       {@code GET /pets/dog/1} over {@code GET /pets/dog/{id}});
 *   <li>a match through a greedy path variable ({@code {proxy+}}), the longest fixed prefix first;
 *   <li>the {@code $default} route.
 * </ol>
 *
 * Within a level, a route with the request's method beats an {@code ANY} route, which matches "all
 * methods that you haven't defined for a resource". No match is a 404.
 */
public final class RouteTable {
  private record Candidate(RouteSpec spec, RoutePattern pattern) {}

  private static final Comparator<Candidate> SPECIFICITY =
      Comparator.<Candidate>comparingInt(c -> c.pattern().greedy() ? 1 : 0)
          .thenComparing(RouteTable::comparePrefixes)
          .thenComparingInt(c -> "ANY".equals(c.spec().method()) ? 1 : 0);

  private final List<Candidate> candidates = new ArrayList<>();
  private final RouteSpec defaultRoute;

  public RouteTable(List<RouteSpec> routes) {
    Set<String> keys = new HashSet<>();
    RouteSpec catchAll = null;
    for (RouteSpec route : routes) {
      if (!keys.add(route.routeKey())) {
        throw new IllegalArgumentException("Duplicate route: " + route.routeKey());
      }
      if (route.path() == null) {
        catchAll = route;
      } else {
        candidates.add(new Candidate(route, RoutePattern.parse(route.path())));
      }
    }
    this.defaultRoute = catchAll;
  }

  public Optional<RouteMatch> select(String method, String rawPath) {
    List<String> segments = segments(rawPath);
    Candidate best = null;
    Map<String, String> bestParameters = null;
    for (Candidate candidate : candidates) {
      String routeMethod = candidate.spec().method();
      if (!routeMethod.equals(method) && !"ANY".equals(routeMethod)) {
        continue;
      }
      Map<String, String> parameters = candidate.pattern().match(segments);
      if (parameters != null && (best == null || SPECIFICITY.compare(candidate, best) < 0)) {
        best = candidate;
        bestParameters = parameters;
      }
    }
    if (best != null) {
      return Optional.of(new RouteMatch(best.spec(), bestParameters));
    }
    return Optional.ofNullable(defaultRoute).map(route -> new RouteMatch(route, Map.of()));
  }

  /** Longer fixed prefix first; then, segment by segment, a literal before a variable. */
  private static int comparePrefixes(Candidate a, Candidate b) {
    int byLength = Integer.compare(b.pattern().fixedSegments(), a.pattern().fixedSegments());
    if (byLength != 0) {
      return byLength;
    }
    for (int i = 0; i < a.pattern().fixedSegments(); i++) {
      boolean literalA = a.pattern().literalAt(i);
      if (literalA != b.pattern().literalAt(i)) {
        return literalA ? -1 : 1;
      }
    }
    return 0;
  }

  /** The path's segments, percent-decoded as API Gateway decodes path parameters. */
  static List<String> segments(String rawPath) {
    List<String> segments = new ArrayList<>();
    if (rawPath.isEmpty() || "/".equals(rawPath)) {
      return segments;
    }
    String path = rawPath.startsWith("/") ? rawPath.substring(1) : rawPath;
    for (String segment : path.split("/", -1)) {
      segments.add(decode(segment));
    }
    return segments;
  }

  /** Percent-decoding that keeps '+' (a path is not a form). Undecodable text stays as sent. */
  static String decode(String raw) {
    if (raw.indexOf('%') < 0) {
      return raw;
    }
    try {
      return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return raw;
    }
  }
}
