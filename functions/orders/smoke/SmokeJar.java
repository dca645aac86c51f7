import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.orderly.orders.handler.ConfirmOrderHandler;
import dev.orderly.orders.handler.GetOrderHandler;
import dev.orderly.orders.handler.PlaceOrderHandler;
import dev.orderly.orders.handler.StartSagaHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the orders handlers from the shaded jar alone (java -cp orders.jar SmokeJar.java), through
 * the no-arg constructors Lambda calls, against the standalone engines smoke-jar.sh starts: what
 * the jar leaves out must not be needed. Exits non-zero on the first surprise.
 */
public class SmokeJar {
  public static void main(String[] args) throws Exception {
    String body =
        "{\"customerId\":\"cust-1\",\"currency\":\"EUR\",\"paymentToken\":\"tok_ok\","
            + "\"lines\":[{\"sku\":\"SKU-1\",\"quantity\":2,\"unitPrice\":1250}]}";
    APIGatewayV2HTTPResponse placed = new PlaceOrderHandler().handleRequest(post(body), null);
    expect(placed.getStatusCode() == 201, "POST /orders: " + placed.getBody());
    APIGatewayV2HTTPResponse replay = new PlaceOrderHandler().handleRequest(post(body), null);
    expect("true".equals(replay.getHeaders().get("Idempotent-Replayed")), "replay: " + replay);
    String orderId = placed.getHeaders().get("Location").substring("/orders/".length());

    APIGatewayV2HTTPEvent get = request("GET /orders/{id}", null);
    get.setPathParameters(Map.of("id", orderId));
    APIGatewayV2HTTPResponse found = new GetOrderHandler().handleRequest(get, null);
    expect(found.getStatusCode() == 200, "GET /orders/{id}: " + found.getBody());

    String task =
        "{\"tenantId\":\"tenant-a\",\"orderId\":\"" + orderId + "\",\"requestId\":\""
            + orderId + "/ConfirmOrder\",\"correlationId\":\"smoke\"}";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new ConfirmOrderHandler()
        .handleRequest(new ByteArrayInputStream(task.getBytes(StandardCharsets.UTF_8)), out, null);
    expect(out.toString(StandardCharsets.UTF_8).contains("CONFIRMED"), "ConfirmOrder: " + out);

    SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
    message.setMessageId("m-1");
    message.setBody(
        "{\"source\":\"orderly.orders\",\"detail-type\":\"OrderPlaced\",\"detail\":{\"metadata\":"
            + "{\"eventId\":\"e-1\",\"tenantId\":\"tenant-a\",\"correlationId\":\"smoke\"},"
            + "\"data\":{\"orderId\":\"" + orderId + "\"}}}");
    SQSEvent event = new SQSEvent();
    event.setRecords(List.of(message));
    SQSBatchResponse started = new StartSagaHandler().handleRequest(event, null);
    expect(started.getBatchItemFailures().isEmpty(), "StartSaga: " + started);
    System.out.println("smoke: ok (order " + orderId + ")");
  }

  private static APIGatewayV2HTTPEvent post(String body) {
    APIGatewayV2HTTPEvent event = request("POST /orders", body);
    Map<String, String> headers = new HashMap<>(event.getHeaders());
    headers.put("idempotency-key", "smoke-key");
    event.setHeaders(headers);
    return event;
  }

  private static APIGatewayV2HTTPEvent request(String route, String body) {
    APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT jwt =
        new APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT();
    jwt.setClaims(new HashMap<>(Map.of("tenant_id", "tenant-a", "sub", "smoke")));
    APIGatewayV2HTTPEvent.RequestContext.Authorizer authorizer =
        new APIGatewayV2HTTPEvent.RequestContext.Authorizer();
    authorizer.setJwt(jwt);
    APIGatewayV2HTTPEvent.RequestContext context = new APIGatewayV2HTTPEvent.RequestContext();
    context.setAuthorizer(authorizer);
    context.setRequestId("smoke-request");
    APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
    event.setRouteKey(route);
    event.setRawPath("/orders");
    event.setHeaders(Map.of("content-type", "application/json"));
    event.setRequestContext(context);
    event.setBody(body);
    return event;
  }

  private static void expect(boolean condition, String what) {
    if (!condition) {
      throw new AssertionError("smoke failed: " + what);
    }
  }
}
