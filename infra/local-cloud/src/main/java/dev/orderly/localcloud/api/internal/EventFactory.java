package dev.orderly.localcloud.api.internal;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds the API Gateway payload format 2.0 event a Lambda integration receives, in the shape of
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html:
 * header names lower-cased and repeated headers joined with commas; {@code Cookie} headers moved
 * into {@code cookies}; repeated query parameters joined with commas; optional fields left out when
 * empty, as API Gateway leaves them out.
 */
public final class EventFactory {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);

  private final String accountId;
  private final String apiId;

  public EventFactory(String accountId, String apiId) {
    this.accountId = accountId;
    this.apiId = apiId;
  }

  /**
   * The event for a request.
   *
   * @param jwt the authorizer's {@code {claims, scopes}}, or {@code null} on a route without one
   */
  public ObjectNode build(
      IncomingRequest request, RouteMatch match, ObjectNode jwt, String requestId, Instant now) {
    String routeKey = match.route().routeKey();
    ObjectNode event = NODES.objectNode();
    event.put("version", "2.0");
    event.put("routeKey", routeKey);
    event.put("rawPath", request.rawPath());
    event.put("rawQueryString", request.rawQuery());
    List<String> cookies = cookies(request);
    if (!cookies.isEmpty()) {
      cookies.forEach(event.putArray("cookies")::add);
    }
    ObjectNode headers = event.putObject("headers");
    headers(request).forEach(headers::put);
    Map<String, String> query = queryParameters(request.rawQuery());
    if (!query.isEmpty()) {
      ObjectNode parameters = event.putObject("queryStringParameters");
      query.forEach(parameters::put);
    }
    event.set("requestContext", requestContext(request, routeKey, jwt, requestId, now));
    boolean text = BodyEncoding.isText(request.header("content-type"));
    if (request.body().length > 0) {
      event.put(
          "body",
          text
              ? new String(request.body(), StandardCharsets.UTF_8)
              : Base64.getEncoder().encodeToString(request.body()));
    }
    if (!match.pathParameters().isEmpty()) {
      ObjectNode parameters = event.putObject("pathParameters");
      new TreeMap<>(match.pathParameters()).forEach(parameters::put);
    }
    event.put("isBase64Encoded", request.body().length > 0 && !text);
    return event;
  }

  private ObjectNode requestContext(
      IncomingRequest request, String routeKey, ObjectNode jwt, String requestId, Instant now) {
    String domainName = domainName(request);
    ObjectNode context = NODES.objectNode();
    context.put("accountId", accountId);
    context.put("apiId", apiId);
    if (jwt != null) {
      context.putObject("authorizer").set("jwt", jwt);
    }
    context.put("domainName", domainName);
    int dot = domainName.indexOf('.');
    context.put("domainPrefix", dot < 0 ? domainName : domainName.substring(0, dot));
    ObjectNode http = context.putObject("http");
    http.put("method", request.method());
    http.put("path", request.rawPath());
    http.put("protocol", request.protocol());
    http.put("sourceIp", request.sourceIp());
    String userAgent = request.header("user-agent");
    http.put("userAgent", userAgent == null ? "" : userAgent);
    context.put("requestId", requestId);
    context.put("routeKey", routeKey);
    context.put("stage", "$default");
    context.put("time", TIME.format(now));
    context.put("timeEpoch", now.toEpochMilli());
    return context;
  }

  private static String domainName(IncomingRequest request) {
    String host = request.header("host");
    if (host == null || host.isEmpty()) {
      return "localhost";
    }
    if (host.startsWith("[")) {
      int end = host.indexOf(']');
      return end < 0 ? host : host.substring(0, end + 1);
    }
    int colon = host.indexOf(':');
    return colon < 0 ? host : host.substring(0, colon);
  }

  private static Map<String, String> headers(IncomingRequest request) {
    Map<String, String> headers = new TreeMap<>();
    request
        .headers()
        .forEach(
            (name, values) -> {
              if (!"cookie".equals(name)) {
                headers.put(name, String.join(",", values));
              }
            });
    headers.putIfAbsent("x-forwarded-for", request.sourceIp());
    headers.putIfAbsent("x-forwarded-proto", "http");
    return headers;
  }

  private static List<String> cookies(IncomingRequest request) {
    List<String> cookies = new ArrayList<>();
    for (String header : request.headers().getOrDefault("cookie", List.of())) {
      for (String cookie : header.split(";")) {
        String trimmed = cookie.trim();
        if (!trimmed.isEmpty()) {
          cookies.add(trimmed);
        }
      }
    }
    return cookies;
  }

  /** Decoded parameters, repeated keys joined with commas in the order sent. */
  static Map<String, String> queryParameters(String rawQuery) {
    Map<String, String> parameters = new LinkedHashMap<>();
    if (rawQuery.isEmpty()) {
      return parameters;
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name = decode(equals < 0 ? pair : pair.substring(0, equals));
      String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
      parameters.merge(name, value, (first, next) -> first + "," + next);
    }
    return parameters;
  }

  private static String decode(String raw) {
    try {
      return URLDecoder.decode(raw, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return raw;
    }
  }
}
