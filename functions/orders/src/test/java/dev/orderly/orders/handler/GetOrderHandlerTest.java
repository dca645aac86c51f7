package dev.orderly.orders.handler;

import static dev.orderly.orders.testing.Problems.assertProblem;
import static dev.orderly.orders.testing.Problems.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.orderly.dynamodb.DynamoDbEngineExtension;
import dev.orderly.lambda.local.LocalContext;
import dev.orderly.orders.domain.CancellationReason;
import dev.orderly.orders.domain.TaskRequest;
import dev.orderly.orders.testing.OrdersFunctions;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** GET /orders/{id} from event files: the tenant's own order, and the same 404 for all else. */
class GetOrderHandlerTest {
  @RegisterExtension static DynamoDbEngineExtension engine = new DynamoDbEngineExtension();

  private final LocalContext context = LocalContext.of("orders-get-order", "test-request");
  private OrdersFunctions functions;
  private GetOrderHandler handler;

  @BeforeEach
  void setUp() {
    functions = new OrdersFunctions(engine.engine());
    handler = new GetOrderHandler(functions.get());
    APIGatewayV2HTTPResponse placed =
        new PlaceOrderHandler(functions.place())
            .handleRequest(PlaceOrderHandlerTest.event("apigw_place_order.json"), context);
    assertThat(placed.getHeaders()).containsEntry("Location", "/orders/id-1");
  }

  private static APIGatewayV2HTTPEvent event(String file) {
    return PlaceOrderHandlerTest.event(file);
  }

  @Test
  void get_answersTheTenantsOrder() {
    APIGatewayV2HTTPResponse response =
        handler.handleRequest(event("apigw_get_order.json"), context);

    assertThat(response.getStatusCode()).isEqualTo(200);
    assertThat(response.getHeaders()).containsEntry("Content-Type", "application/json");
    JsonNode order = json(response.getBody());
    assertThat(order.path("orderId").asText()).isEqualTo("id-1");
    assertThat(order.path("customerId").asText()).isEqualTo("cust-1");
    assertThat(order.path("status").asText()).isEqualTo("PENDING");
    assertThat(order.path("currency").asText()).isEqualTo("EUR");
    assertThat(order.path("total").asLong()).isEqualTo(2_599);
    assertThat(order.path("createdAt").asText()).isEqualTo("2026-05-01T10:00:00Z");
    assertThat(order.path("updatedAt").asText()).isEqualTo("2026-05-01T10:00:00Z");
    assertThat(order.at("/lines/0/sku").asText()).isEqualTo("SKU-1");
    assertThat(order.at("/lines/0/quantity").asInt()).isEqualTo(2);
    assertThat(order.at("/lines/0/unitPrice").asLong()).isEqualTo(1_250);
    assertThat(order.at("/lines/0/lineTotal").asLong()).isEqualTo(2_500);
    assertThat(order.has("cancellation")).isFalse();
    assertThat(order.has("paymentToken")).isFalse();
  }

  @Test
  void get_ofACancelledOrder_showsWhy() {
    functions
        .cancel(Clock.fixed(OrdersFunctions.NOW.plusSeconds(5), ZoneOffset.UTC))
        .orders()
        .cancel(
            new TaskRequest("tenant-a", "id-1", "id-1/ChargePayment", "corr-saga"),
            new CancellationReason("PAYMENT_DECLINED", "card declined"));

    JsonNode order = json(handler.handleRequest(event("apigw_get_order.json"), context).getBody());

    assertThat(order.path("status").asText()).isEqualTo("CANCELLED");
    assertThat(order.path("version").asLong()).isEqualTo(2);
    assertThat(order.path("updatedAt").asText()).isEqualTo("2026-05-01T10:00:05Z");
    assertThat(order.path("cancellation"))
        .isEqualTo(json("{\"code\":\"PAYMENT_DECLINED\",\"detail\":\"card declined\"}"));
  }

  @Test
  void get_ofAnotherTenantsOrder_is404() {
    APIGatewayV2HTTPResponse response =
        handler.handleRequest(event("apigw_get_order_other_tenant.json"), context);

    JsonNode problem = assertProblem(response, 404, "NOT_FOUND");
    assertThat(problem.path("correlationId").asText()).isEqualTo("corr-http-1");
  }

  @Test
  void get_ofAnUnknownId_is404() {
    APIGatewayV2HTTPResponse response =
        handler.handleRequest(event("apigw_get_order_unknown.json"), context);

    assertProblem(response, 404, "NOT_FOUND");
  }

  @Test
  void anotherTenantsOrderAndAnUnknownId_areIndistinguishable() {
    JsonNode otherTenant =
        json(handler.handleRequest(event("apigw_get_order_other_tenant.json"), context).getBody());
    JsonNode unknown =
        json(handler.handleRequest(event("apigw_get_order_unknown.json"), context).getBody());

    assertThat(otherTenant.path("detail")).isEqualTo(unknown.path("detail"));
    assertThat(otherTenant.path("title")).isEqualTo(unknown.path("title"));
  }

  @Test
  void get_ofAnOverlongId_is404WithoutALookup() {
    APIGatewayV2HTTPEvent event = event("apigw_get_order_unknown.json");
    event.setPathParameters(Map.of("id", "x".repeat(2_000)));

    assertProblem(handler.handleRequest(event, context), 404, "NOT_FOUND");
  }
}
