package dev.orderly.localcloud.api.internal;

import dev.orderly.localcloud.api.RouteSpec;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One token bucket per route: the stage's {@code DefaultRouteSettings} unless {@code RouteSettings}
 * names the route. Every client of a route draws on the one bucket, as in API Gateway. ({@link
 * ApiConfig} refuses settings for a route the API does not have, as a deployment with {@code
 * FailOnWarnings} does.)
 */
public final class Throttles {
  /** A rate in requests per second and a burst in requests. */
  public record Limit(double rate, int burst) {
    public Limit {
      if (rate < 0 || burst < 0 || Double.isNaN(rate)) {
        throw new IllegalArgumentException(
            "Throttling rate and burst cannot be negative: " + rate + ", " + burst);
      }
    }
  }

  private final Map<String, TokenBucket> buckets = new HashMap<>();

  public Throttles(
      List<RouteSpec> routes, Limit defaults, Map<String, Limit> overrides, Instant now) {
    for (RouteSpec route : routes) {
      Limit limit = overrides.getOrDefault(route.routeKey(), defaults);
      buckets.put(route.routeKey(), new TokenBucket(limit.rate(), limit.burst(), now));
    }
  }

  public boolean tryAcquire(String routeKey, Instant now) {
    TokenBucket bucket = buckets.get(routeKey);
    return bucket == null || bucket.tryAcquire(now);
  }
}
