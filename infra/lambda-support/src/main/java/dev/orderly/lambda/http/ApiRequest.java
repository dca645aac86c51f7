package dev.orderly.lambda.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An API Gateway HTTP API (payload 2.0) request as handlers read it: headers case-insensitively,
 * path and query parameters, the tenant and subject from the JWT authorizer's claims, the
 * correlation id, and a JSON object body with size and media-type checks. Every refusal is an
 * {@link ApiException} with a stable code.
 */
public final class ApiRequest {
  /** The JWT claim that names the caller's tenant. */
  public static final String TENANT_CLAIM = "tenant_id";

  /** The largest body accepted, decoded. */
  public static final int MAX_BODY_BYTES = 64 * 1024;

  /** One JSON value and nothing after it: {@code {"a":1} {"b":2}} is not a JSON object. */
  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

  private static final Pattern TENANT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
  private static final Pattern CORRELATION_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

  private final APIGatewayV2HTTPEvent event;

  private ApiRequest(APIGatewayV2HTTPEvent event) {
    this.event = Objects.requireNonNull(event, "event");
  }

  public static ApiRequest of(APIGatewayV2HTTPEvent event) {
    return new ApiRequest(event);
  }

  public APIGatewayV2HTTPEvent event() {
    return event;
  }

  /** The route as API Gateway matched it: {@code "GET /orders/{id}"}. */
  public String routeKey() {
    return event.getRouteKey() == null ? "" : event.getRouteKey();
  }

  public String path() {
    return event.getRawPath() == null ? "/" : event.getRawPath();
  }

  public Optional<String> header(String name) {
    Map<String, String> headers = event.getHeaders();
    if (headers == null) {
      return Optional.empty();
    }
    for (Map.Entry<String, String> header : headers.entrySet()) {
      if (header.getKey().equalsIgnoreCase(name)) {
        return Optional.ofNullable(header.getValue());
      }
    }
    return Optional.empty();
  }

  /** The caller's {@code X-Correlation-Id} when well-formed, else API Gateway's request id. */
  public String correlationId() {
    return header("X-Correlation-Id")
        .filter(id -> CORRELATION_ID.matcher(id).matches())
        .orElseGet(
            () ->
                event.getRequestContext() != null
                        && event.getRequestContext().getRequestId() != null
                    ? event.getRequestContext().getRequestId()
                    : "unknown");
  }

  /** The tenant from the verified JWT: every key this request touches is prefixed with it. */
  public String tenant() {
    String tenant = claim(TENANT_CLAIM);
    if (!TENANT.matcher(tenant).matches()) {
      throw new ApiException(ErrorCode.UNAUTHORIZED, "The token's tenant is not valid.");
    }
    return tenant;
  }

  public String subject() {
    return claim("sub");
  }

  private String claim(String name) {
    Map<String, String> claims = null;
    if (event.getRequestContext() != null
        && event.getRequestContext().getAuthorizer() != null
        && event.getRequestContext().getAuthorizer().getJwt() != null) {
      claims = event.getRequestContext().getAuthorizer().getJwt().getClaims();
    }
    String value = claims == null ? null : claims.get(name);
    if (value == null || value.isBlank()) {
      throw new ApiException(ErrorCode.UNAUTHORIZED, "The token carries no " + name + " claim.");
    }
    return value;
  }

  /** A path parameter of the matched route (present by construction). */
  public String pathParameter(String name) {
    Map<String, String> parameters = event.getPathParameters();
    String value = parameters == null ? null : parameters.get(name);
    if (value == null || value.isBlank()) {
      throw new ApiException(ErrorCode.NOT_FOUND, "No " + name + " in the path.");
    }
    return value;
  }

  public Optional<String> query(String name) {
    Map<String, String> parameters = event.getQueryStringParameters();
    return Optional.ofNullable(parameters == null ? null : parameters.get(name))
        .filter(v -> !v.isEmpty());
  }

  /**
   * The body as a JSON object: 415 for another media type, 413 above {@link #MAX_BODY_BYTES}, 400
   * MALFORMED_BODY when it is not a JSON object.
   */
  public ObjectNode jsonBody() {
    Optional<String> type = header("Content-Type");
    if (type.isPresent() && !type.get().toLowerCase(java.util.Locale.ROOT).contains("json")) {
      throw new ApiException(
          ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Send the body as application/json.");
    }
    String raw = event.getBody();
    if (raw == null || raw.isEmpty()) {
      throw new ApiException(ErrorCode.MALFORMED_BODY, "The request has no body.");
    }
    if (raw.length() > MAX_BODY_BYTES * 2) {
      throw tooLarge();
    }
    byte[] bytes;
    try {
      bytes =
          event.getIsBase64Encoded()
              ? Base64.getDecoder().decode(raw)
              : raw.getBytes(StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new ApiException(ErrorCode.MALFORMED_BODY, "The body is not valid base64.");
    }
    if (bytes.length > MAX_BODY_BYTES) {
      throw tooLarge();
    }
    try {
      JsonNode node = JSON.readTree(bytes);
      if (node instanceof ObjectNode object) {
        return object;
      }
    } catch (IOException e) {
      // Bytes in memory cannot fail to read: every IOException here (a parse error, or bytes that
      // are not text in the detected encoding) is the client's. Answered below, without the
      // parser's message.
    }
    throw new ApiException(ErrorCode.MALFORMED_BODY, "The body must be a JSON object.");
  }

  private static ApiException tooLarge() {
    return new ApiException(
        ErrorCode.PAYLOAD_TOO_LARGE, "The body may be at most " + MAX_BODY_BYTES + " bytes.");
  }
}
