package dev.orderly.idempotency.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderly.idempotency.Idempotency;
import dev.orderly.idempotency.IdempotencyKeys;
import dev.orderly.idempotency.IdempotencyRequest;
import dev.orderly.idempotency.Outcome;
import dev.orderly.idempotency.ResponseCodec;
import dev.orderly.idempotency.dynamodb.Effect;
import dev.orderly.idempotency.dynamodb.TransactionalIdempotency;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The IETF httpapi "The Idempotency-Key HTTP Header Field" draft for API Gateway HTTP APIs: a
 * request without the header is refused with 400, a reused key with another payload with 422, a key
 * whose first request is still running with 409; a repeat of a completed request gets the first
 * response's status, headers and body, marked {@code Idempotent-Replayed: true}. Server errors
 * (5xx) are not kept, so the client's retry runs again. Errors are RFC 9457 problem details.
 */
public final class HttpIdempotency {
  public static final String HEADER = "Idempotency-Key";
  public static final String REPLAYED = "Idempotent-Replayed";
  private static final int MAX_KEY_LENGTH = 255;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ResponseCodec<APIGatewayV2HTTPResponse> RESPONSES = new StoredResponses();

  private final Idempotency idempotency;

  public HttpIdempotency(Idempotency idempotency) {
    this.idempotency = Objects.requireNonNull(idempotency, "idempotency");
  }

  /**
   * Runs {@code handler} at most once per tenant, route and Idempotency-Key.
   *
   * @param remaining the Lambda's remaining time, bounding how long the claim blocks retries
   */
  public APIGatewayV2HTTPResponse handle(
      APIGatewayV2HTTPEvent request,
      String tenant,
      Duration remaining,
      Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler) {
    return guarded(
        request,
        tenant,
        remaining,
        claim -> idempotency.handle(claim, RESPONSES, () -> below500(handler.apply(request))));
  }

  /**
   * Transactional mode, for a handler whose effect is DynamoDB writes: they commit in one
   * transaction with the completed record, so there is no window in which the effect exists without
   * its record. A request that timed out after its transaction committed is answered, on the
   * client's retry, with the stored response, never with a second effect. There is no in-progress
   * record: two concurrent first requests both compute; one commits, the other replays it (or gets
   * 409 when the transactions collided). A handler's 5xx commits nothing.
   */
  public static APIGatewayV2HTTPResponse handle(
      TransactionalIdempotency transactional,
      APIGatewayV2HTTPEvent request,
      String tenant,
      Function<APIGatewayV2HTTPEvent, Effect<APIGatewayV2HTTPResponse>> handler) {
    return guarded(
        request,
        tenant,
        null,
        claim ->
            transactional.handle(
                claim,
                RESPONSES,
                () -> {
                  Effect<APIGatewayV2HTTPResponse> effect = handler.apply(request);
                  below500(effect.result());
                  return effect;
                }));
  }

  /**
   * Both modes: refuses a missing or over-long key, runs {@code idempotent} with the request's
   * claim, and answers its outcome; a 5xx from the handler is answered as it is and keeps nothing.
   */
  private static APIGatewayV2HTTPResponse guarded(
      APIGatewayV2HTTPEvent request,
      String tenant,
      Duration remaining,
      Function<IdempotencyRequest, Outcome<APIGatewayV2HTTPResponse>> idempotent) {
    APIGatewayV2HTTPResponse refused = checkKey(request);
    if (refused != null) {
      return refused;
    }
    try {
      return respond(idempotent.apply(claim(request, tenant, remaining)), request);
    } catch (ServerError error) {
      return error.response;
    }
  }

  /** Carries a 5xx out of the idempotent section, so that nothing is kept for it. */
  private static APIGatewayV2HTTPResponse below500(APIGatewayV2HTTPResponse response) {
    if (response.getStatusCode() >= 500) {
      throw new ServerError(response);
    }
    return response;
  }

  /** The 400 for a missing or over-long key, or null when the key is usable. */
  private static APIGatewayV2HTTPResponse checkKey(APIGatewayV2HTTPEvent request) {
    String key = header(request, HEADER);
    String correlationId = header(request, "x-correlation-id");
    if (key == null || key.isBlank()) {
      return problem(
          400,
          "IDEMPOTENCY_KEY_MISSING",
          "Idempotency-Key header required",
          "This operation requires an Idempotency-Key header.",
          request.getRawPath(),
          correlationId,
          null);
    }
    if (key.length() > MAX_KEY_LENGTH) {
      return problem(
          400,
          "IDEMPOTENCY_KEY_INVALID",
          "Idempotency-Key header invalid",
          "The Idempotency-Key header must be at most " + MAX_KEY_LENGTH + " characters.",
          request.getRawPath(),
          correlationId,
          null);
    }
    return null;
  }

  private static IdempotencyRequest claim(
      APIGatewayV2HTTPEvent request, String tenant, Duration remaining) {
    String route = request.getRouteKey() == null ? "" : request.getRouteKey();
    return new IdempotencyRequest(
        IdempotencyKeys.http(tenant, route, header(request, HEADER)), payload(request), remaining);
  }

  private static APIGatewayV2HTTPResponse respond(
      Outcome<APIGatewayV2HTTPResponse> outcome, APIGatewayV2HTTPEvent request) {
    if (outcome instanceof Outcome.Executed<APIGatewayV2HTTPResponse> executed) {
      return executed.result();
    }
    if (outcome instanceof Outcome.Replayed<APIGatewayV2HTTPResponse> replayed) {
      return replayed.result();
    }
    String correlationId = header(request, "x-correlation-id");
    if (outcome instanceof Outcome.InProgress<APIGatewayV2HTTPResponse>) {
      return problem(
          409,
          "IDEMPOTENCY_KEY_IN_USE",
          "Request in progress",
          "A request with this Idempotency-Key is still being processed; retry later.",
          request.getRawPath(),
          correlationId,
          "1");
    }
    return problem(
        422,
        "IDEMPOTENCY_KEY_REUSED",
        "Idempotency-Key reused",
        "This Idempotency-Key was used with a different request payload.",
        request.getRawPath(),
        correlationId,
        null);
  }

  /** What identifies "the same request": method and route are in the key; the body is hashed. */
  private static byte[] payload(APIGatewayV2HTTPEvent request) {
    String body = request.getBody() == null ? "" : request.getBody();
    return request.getIsBase64Encoded()
        ? java.util.Base64.getDecoder().decode(body)
        : body.getBytes(StandardCharsets.UTF_8);
  }

  private static String header(APIGatewayV2HTTPEvent request, String name) {
    Map<String, String> headers = request.getHeaders();
    if (headers == null) {
      return null;
    }
    for (Map.Entry<String, String> e : headers.entrySet()) {
      if (e.getKey().equalsIgnoreCase(name)) {
        return e.getValue();
      }
    }
    return null;
  }

  private static APIGatewayV2HTTPResponse problem(
      int status,
      String code,
      String title,
      String detail,
      String instance,
      String correlationId,
      String retryAfter) {
    ObjectNode body = JSON.createObjectNode();
    body.put(
        "type",
        "https://orderly.dev/problems/"
            + code.toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
    body.put("title", title);
    body.put("status", status);
    body.put("detail", detail);
    if (instance != null) {
      body.put("instance", instance);
    }
    body.put("code", code);
    if (correlationId != null) {
      body.put("correlationId", correlationId);
    }
    Map<String, String> headers = new HashMap<>();
    headers.put("Content-Type", "application/problem+json");
    if (retryAfter != null) {
      headers.put("Retry-After", retryAfter);
    }
    return APIGatewayV2HTTPResponse.builder()
        .withStatusCode(status)
        .withHeaders(headers)
        .withBody(body.toString())
        .build();
  }

  /** Carries a 5xx answer out of the idempotent section so that its claim is released. */
  private static final class ServerError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient APIGatewayV2HTTPResponse response;

    ServerError(APIGatewayV2HTTPResponse response) {
      super("server error " + response.getStatusCode(), null, false, false);
      this.response = response;
    }
  }

  /** Stores status, headers and body as JSON; replays rebuild an equal response. */
  private static final class StoredResponses implements ResponseCodec<APIGatewayV2HTTPResponse> {
    @Override
    public String encode(APIGatewayV2HTTPResponse response) {
      ObjectNode node = JSON.createObjectNode();
      node.put("statusCode", response.getStatusCode());
      ObjectNode headers = node.putObject("headers");
      if (response.getHeaders() != null) {
        response.getHeaders().forEach(headers::put);
      }
      node.put("body", response.getBody());
      node.put("isBase64Encoded", response.getIsBase64Encoded());
      return node.toString();
    }

    /** A replay is the stored response, marked as such. */
    @Override
    public APIGatewayV2HTTPResponse replayed(
        APIGatewayV2HTTPResponse stored, dev.orderly.idempotency.IdempotencyRecord record) {
      Map<String, String> headers = new HashMap<>(stored.getHeaders());
      headers.put(REPLAYED, "true");
      stored.setHeaders(headers);
      return stored;
    }

    @Override
    public APIGatewayV2HTTPResponse decode(String stored) {
      JsonNode node;
      try {
        node = JSON.readTree(stored);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("stored response is not JSON", e);
      }
      Map<String, String> headers = new HashMap<>();
      Iterator<Map.Entry<String, JsonNode>> fields = node.path("headers").fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> e = fields.next();
        headers.put(e.getKey(), e.getValue().asText());
      }
      return APIGatewayV2HTTPResponse.builder()
          .withStatusCode(node.path("statusCode").asInt())
          .withHeaders(headers)
          .withBody(node.path("body").isNull() ? null : node.path("body").asText())
          .withIsBase64Encoded(node.path("isBase64Encoded").asBoolean())
          .build();
    }
  }
}
