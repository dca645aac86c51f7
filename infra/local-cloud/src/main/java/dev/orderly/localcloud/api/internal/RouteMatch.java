package dev.orderly.localcloud.api.internal;

import dev.orderly.localcloud.api.RouteSpec;
import java.util.Map;

/** The route a request selected, with the path parameters its variables captured. */
public record RouteMatch(RouteSpec route, Map<String, String> pathParameters) {
  public RouteMatch {
    pathParameters = Map.copyOf(pathParameters);
  }
}
