package dev.orderly.orders.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.orderly.lambda.config.Environment;
import dev.orderly.lambda.http.ApiHandling;
import dev.orderly.lambda.http.ApiRequest;
import dev.orderly.lambda.http.ApiResponses;
import dev.orderly.lambda.log.Invocation;
import dev.orderly.orders.domain.Ids;
import dev.orderly.orders.domain.Order;
import dev.orderly.orders.domain.PlaceOrder;
import dev.orderly.orders.wiring.DaggerPlaceOrderComponent;
import dev.orderly.orders.wiring.PlaceOrderComponent;
import java.time.Clock;
import java.util.Map;

/**
 * {@code POST /orders}: validates the body (every violation at once, before the Idempotency-Key is
 * claimed, so a corrected request may reuse its key), then places the order at most once per tenant
 * and Idempotency-Key; 201 with the order and its {@code Location}.
 */
public final class PlaceOrderHandler
    implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
  private final PlaceOrderComponent component;

  public PlaceOrderHandler() {
    this(
        DaggerPlaceOrderComponent.builder()
            .environment(Environment.system())
            .clock(Clock.systemUTC())
            .ids(Ids.uuids())
            .build());
  }

  public PlaceOrderHandler(PlaceOrderComponent component) {
    this.component = component;
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    Invocation log = component.log().begin(context, ApiRequest.of(event).correlationId());
    return ApiHandling.handle(
        event,
        log,
        request -> {
          String tenant = request.tenant();
          PlaceOrder command =
              PlaceOrderBody.parse(request.jsonBody(), tenant, request.correlationId());
          return component
              .idempotency()
              .handle(
                  event,
                  tenant,
                  LambdaTime.remaining(context),
                  first -> {
                    Order order = component.orders().place(command);
                    log.info("order placed", Map.of("orderId", order.orderId()));
                    log.metric("OrderPlaced", 1, "Count");
                    return ApiResponses.json(
                        201,
                        OrderJson.of(order),
                        request.correlationId(),
                        Map.of("Location", "/orders/" + order.orderId()));
                  });
        });
  }
}
