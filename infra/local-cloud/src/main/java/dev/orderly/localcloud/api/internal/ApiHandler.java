package dev.orderly.localcloud.api.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One request through the stage, in API Gateway's order: route selection (404), the route's
 * throttle (429), the JWT authorizer (401/403), then the integration; each request gets an {@code
 * apigw-requestid} and one access log line.
 */
final class ApiHandler {
  private static final Logger LOG = Logger.getLogger(ApiHandler.class.getName());

  private final ApiConfig config;
  private final RouteTable routes;
  private final Throttles throttles;
  private final EventFactory events;
  private final Integration integration;
  private final ObjectMapper json;

  ApiHandler(ApiConfig config, ObjectMapper json, ExecutorService integrationThreads) {
    this.config = config;
    this.json = json;
    this.routes = new RouteTable(config.routes());
    this.throttles =
        new Throttles(
            config.routes(),
            config.defaultThrottle(),
            config.routeThrottles(),
            config.clock().instant());
    this.events = new EventFactory(config.accountId(), config.apiId());
    this.integration =
        new Integration(
            config.functions(),
            integrationThreads,
            config.integrationTimeout(),
            new ResponseMapper(json),
            json);
  }

  /** Answers the request; {@code tooLarge} when its body was over the payload quota. */
  GatewayResponse handle(IncomingRequest request, boolean tooLarge, String requestId) {
    long start = System.nanoTime();
    AccessLogEntry log = new AccessLogEntry(requestId, request.sourceIp());
    GatewayResponse response;
    try {
      response = tooLarge ? GatewayResponse.tooLarge() : route(request, requestId, log);
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "Request " + requestId + " failed in the gateway", e);
      response = GatewayResponse.internalServerError();
    }
    log.status(response.status());
    log.latencyMs(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    config.accessLog().accept(log.toJson());
    return response;
  }

  private GatewayResponse route(IncomingRequest request, String requestId, AccessLogEntry log) {
    Optional<RouteMatch> selected = routes.select(request.method(), request.rawPath());
    if (selected.isEmpty()) {
      return GatewayResponse.notFound();
    }
    RouteMatch match = selected.get();
    log.routeKey(match.route().routeKey());
    Instant now = config.clock().instant();
    if (!throttles.tryAcquire(match.route().routeKey(), now)) {
      return GatewayResponse.tooManyRequests();
    }
    ObjectNode jwt = null;
    if (match.route().authorized()) {
      AuthOutcome outcome =
          config.jwt().authorize(request.header("authorization"), match.route().scopes());
      if (outcome instanceof AuthOutcome.Refused refused) {
        log.authorizerError(refused.reason());
        return refused.response();
      }
      AuthOutcome.Granted granted = (AuthOutcome.Granted) outcome;
      jwt = granted.jwt();
      log.tenant(granted.tenant());
    }
    ObjectNode event = events.build(request, match, jwt, requestId, now);
    byte[] payload;
    try {
      payload = json.writeValueAsBytes(event);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("The event could not be written", e);
    }
    return integration.call(match.route().functionName(), payload, log);
  }
}
