package dev.orderly.orders.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.orderly.idempotency.dynamodb.Effect;
import dev.orderly.idempotency.http.HttpIdempotency;
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
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code POST /orders}: validates the body (every violation at once, before the Idempotency-Key is
 * claimed, so a corrected request may reuse its key), then places the order at most once per tenant
 * and Idempotency-Key; 201 with the order and its {@code Location}. The order, its OrderPlaced
 * event and the key's record commit in one transaction: a client that timed out and retries gets
 * the stored answer, never a second order.
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
          AtomicReference<Order> placed = new AtomicReference<>();
          APIGatewayV2HTTPResponse response =
              HttpIdempotency.handle(
                  component.idempotency(),
                  event,
                  tenant,
                  first -> {
                    Order order = component.orders().newOrder(command);
                    placed.set(order);
                    return new Effect<>(
                        ApiResponses.json(
                            201,
                            OrderJson.of(order),
                            request.correlationId(),
                            Map.of("Location", "/orders/" + order.orderId())),
                        component
                            .store()
                            .creation(order, command.paymentToken(), order.createdAt()));
                  });
          if (response.getStatusCode() == 201
              && (response.getHeaders() == null
                  || !response.getHeaders().containsKey(HttpIdempotency.REPLAYED))) {
            log.info("order placed", Map.of("orderId", placed.get().orderId()));
            log.metric("OrderPlaced", 1, "Count");
          }
          return response;
        });
  }
}
