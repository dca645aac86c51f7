package dev.orderly.orders.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.orderly.lambda.config.Environment;
import dev.orderly.lambda.http.ApiException;
import dev.orderly.lambda.http.ApiHandling;
import dev.orderly.lambda.http.ApiRequest;
import dev.orderly.lambda.http.ApiResponses;
import dev.orderly.lambda.http.ErrorCode;
import dev.orderly.orders.domain.Ids;
import dev.orderly.orders.domain.Order;
import dev.orderly.orders.domain.OrderLimits;
import dev.orderly.orders.wiring.DaggerGetOrderComponent;
import dev.orderly.orders.wiring.GetOrderComponent;
import java.time.Clock;
import java.util.Optional;

/**
 * {@code GET /orders/{id}}: the caller's tenant's order. An unknown id and another tenant's order
 * answer the same 404, so ids cannot be probed across tenants.
 */
public final class GetOrderHandler
    implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
  private final GetOrderComponent component;

  public GetOrderHandler() {
    this(
        DaggerGetOrderComponent.builder()
            .environment(Environment.system())
            .clock(Clock.systemUTC())
            .ids(Ids.uuids())
            .build());
  }

  public GetOrderHandler(GetOrderComponent component) {
    this.component = component;
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    return ApiHandling.handle(
        event,
        component.log().begin(context, ApiRequest.of(event).correlationId()),
        request -> {
          String tenant = request.tenant();
          String id = request.pathParameter("id");
          Optional<Order> order =
              id.length() > OrderLimits.MAX_ORDER_ID_LENGTH
                  ? Optional.empty()
                  : component.orders().find(tenant, id);
          return ApiResponses.json(
              200,
              OrderJson.of(
                  order.orElseThrow(
                      () -> new ApiException(ErrorCode.NOT_FOUND, "There is no such order."))),
              request.correlationId());
        });
  }
}
