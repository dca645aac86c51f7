package dev.orderly.lambda.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.orderly.lambda.log.Invocation;
import java.util.Map;
import java.util.function.Function;

/**
 * The one place where an HTTP handler's failures become responses: an {@link ApiException} is its
 * problem; anything else is logged in full and answered as a bare 500 INTERNAL_ERROR problem, so
 * nothing internal reaches the client.
 */
public final class ApiHandling {
  private ApiHandling() {}

  public static APIGatewayV2HTTPResponse handle(
      APIGatewayV2HTTPEvent event,
      Invocation log,
      Function<ApiRequest, APIGatewayV2HTTPResponse> handler) {
    ApiRequest request = ApiRequest.of(event);
    String correlationId = request.correlationId();
    try {
      return handler.apply(request);
    } catch (ApiException refused) {
      log.info(
          "request refused", Map.of("code", refused.code().name(), "route", request.routeKey()));
      return ApiResponses.problem(Problem.of(refused, request.path(), correlationId));
    } catch (RuntimeException failure) {
      log.error("request failed", failure, Map.of("route", request.routeKey()));
      return ApiResponses.problem(
          new Problem(
              ErrorCode.INTERNAL_ERROR,
              "The request could not be completed; retry later.",
              java.util.List.of(),
              request.path(),
              correlationId));
    }
  }
}
