package dev.orderly.lambda.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext.Authorizer;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT;
import java.util.HashMap;
import java.util.Map;

/** API Gateway v2 events for tests: a valid authorised request unless a test changes a part. */
final class Events {
  static final String REQUEST_ID = "JKJaXmPLvHcESHA=";

  private final Map<String, String> headers = new HashMap<>();
  private final Map<String, String> claims = new HashMap<>();
  private final Map<String, String> pathParameters = new HashMap<>();
  private final Map<String, String> query = new HashMap<>();
  private String routeKey = "POST /orders";
  private String rawPath = "/orders";
  private String body;
  private boolean base64;
  private String requestId = REQUEST_ID;

  private Events() {
    claims.put("tenant_id", "acme");
    claims.put("sub", "user-1");
  }

  static Events request() {
    return new Events();
  }

  Events header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  Events claim(String name, String value) {
    if (value == null) {
      claims.remove(name);
    } else {
      claims.put(name, value);
    }
    return this;
  }

  Events pathParameter(String name, String value) {
    pathParameters.put(name, value);
    return this;
  }

  Events query(String name, String value) {
    query.put(name, value);
    return this;
  }

  Events route(String routeKey, String rawPath) {
    this.routeKey = routeKey;
    this.rawPath = rawPath;
    return this;
  }

  Events body(String body) {
    this.body = body;
    this.base64 = false;
    return this;
  }

  Events base64Body(String body) {
    this.body = body;
    this.base64 = true;
    return this;
  }

  Events requestId(String requestId) {
    this.requestId = requestId;
    return this;
  }

  APIGatewayV2HTTPEvent build() {
    return APIGatewayV2HTTPEvent.builder()
        .withVersion("2.0")
        .withRouteKey(routeKey)
        .withRawPath(rawPath)
        .withHeaders(new HashMap<>(headers))
        .withPathParameters(new HashMap<>(pathParameters))
        .withQueryStringParameters(new HashMap<>(query))
        .withBody(body)
        .withIsBase64Encoded(base64)
        .withRequestContext(
            RequestContext.builder()
                .withRequestId(requestId)
                .withRouteKey(routeKey)
                .withAuthorizer(
                    Authorizer.builder()
                        .withJwt(JWT.builder().withClaims(new HashMap<>(claims)).build())
                        .build())
                .build())
        .build();
  }

  ApiRequest toRequest() {
    return ApiRequest.of(build());
  }
}
