package dev.orderly.orders.handler;

import static dev.orderly.orders.testing.Problems.assertProblem;
import static dev.orderly.orders.testing.Problems.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import dev.orderly.dynamodb.DynamoDbEngineExtension;
import dev.orderly.lambda.local.LocalContext;
import dev.orderly.orders.testing.OrdersFunctions;
import dev.orderly.orders.testing.SequentialIds;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** POST /orders from event files, through the real component on the engine. */
class PlaceOrderHandlerTest {
  @RegisterExtension static DynamoDbEngineExtension engine = new DynamoDbEngineExtension();

  private final LocalContext context = LocalContext.of("orders-place-order", "test-request");
  private OrdersFunctions functions;
  private PlaceOrderHandler handler;

  @BeforeEach
  void setUp() {
    functions = new OrdersFunctions(engine.engine());
    handler = new PlaceOrderHandler(functions.place());
  }

  static APIGatewayV2HTTPEvent event(String file) {
    return EventLoader.loadApiGatewayHttpEvent("events/" + file);
  }

  static APIGatewayV2HTTPEvent withKey(APIGatewayV2HTTPEvent event, String key) {
    Map<String, String> headers = new HashMap<>(event.getHeaders());
    headers.put("idempotency-key", key);
    event.setHeaders(headers);
    return event;
  }

  @Test
  void place_createsThePendingOrderAndAnswers201WithItsLocation() {
    APIGatewayV2HTTPResponse response =
        handler.handleRequest(event("apigw_place_order.json"), context);

    assertThat(response.getStatusCode()).isEqualTo(201);
    assertThat(response.getHeaders())
        .containsEntry("Location", "/orders/id-1")
        .containsEntry("Content-Type", "application/json")
        .containsEntry("X-Correlation-Id", "corr-http-1");
    JsonNode order = json(response.getBody());
    assertThat(order.path("orderId").asText()).isEqualTo("id-1");
    assertThat(order.path("status").asText()).isEqualTo("PENDING");
    assertThat(order.path("version").asLong()).isEqualTo(1);
    assertThat(order.path("total").asLong()).isEqualTo(2 * 1250 + 99);
    assertThat(order.path("currency").asText()).isEqualTo("EUR");
    assertThat(order.path("createdAt").asText()).isEqualTo(OrdersFunctions.NOW.toString());
    assertThat(order.path("lines")).hasSize(2);
    assertThat(order.has("paymentToken")).isFalse();
    assertThat(functions.tables.order("tenant-a", "id-1").get("status").s()).isEqualTo("PENDING");
  }

  @Test
  void place_writesTheOrderPlacedOutboxEntryWithTheOrder() {
    handler.handleRequest(event("apigw_place_order.json"), context);

    JsonNode detail = json(functions.tables.outbox("id-1", 1).get("detail").s());
    assertThat(functions.tables.outbox("id-1", 1).get("detailType").s()).isEqualTo("OrderPlaced");
    assertThat(detail.at("/metadata/tenantId").asText()).isEqualTo("tenant-a");
    assertThat(detail.at("/metadata/correlationId").asText()).isEqualTo("corr-http-1");
    assertThat(detail.at("/data/orderId").asText()).isEqualTo("id-1");
    assertThat(detail.at("/data/paymentToken").asText()).isEqualTo("tok_ok");
    assertThat(functions.tables.all()).hasSize(2);
  }

  @Test
  void sameKeySameBody_replaysTheFirstResponseAndPlacesOneOrder() {
    APIGatewayV2HTTPResponse first =
        handler.handleRequest(event("apigw_place_order.json"), context);
    APIGatewayV2HTTPResponse again =
        handler.handleRequest(event("apigw_place_order.json"), context);

    assertThat(again.getStatusCode()).isEqualTo(201);
    assertThat(again.getBody()).isEqualTo(first.getBody());
    assertThat(again.getHeaders())
        .containsEntry("Location", "/orders/id-1")
        .containsEntry("Idempotent-Replayed", "true");
    assertThat(functions.tables.all()).hasSize(2);
  }

  @Test
  void sameKeyOtherBody_isRefusedWith422AndPlacesNothingMore() {
    handler.handleRequest(event("apigw_place_order.json"), context);
    APIGatewayV2HTTPEvent changed = event("apigw_place_order.json");
    changed.setBody(changed.getBody().replace("\"quantity\": 2", "\"quantity\": 3"));

    APIGatewayV2HTTPResponse response = handler.handleRequest(changed, context);

    assertProblem(response, 422, "IDEMPOTENCY_KEY_REUSED");
    assertThat(functions.tables.all()).hasSize(2);
  }

  @Test
  void sameKeyInAnotherTenant_isAnotherRequest() {
    handler.handleRequest(event("apigw_place_order.json"), context);
    APIGatewayV2HTTPEvent otherTenant = event("apigw_place_order.json");
    otherTenant
        .getRequestContext()
        .getAuthorizer()
        .getJwt()
        .getClaims()
        .put("tenant_id", "tenant-b");

    APIGatewayV2HTTPResponse response = handler.handleRequest(otherTenant, context);

    assertThat(response.getStatusCode()).isEqualTo(201);
    assertThat(response.getHeaders()).doesNotContainKey("Idempotent-Replayed");
    assertThat(functions.tables.order("tenant-b", "id-3")).isNotNull();
  }

  @Test
  void sameKeyRacingTheFirst_placesOneOrderAndTheLoserReplaysTheWinner() {
    // The first request's id is drawn, then a second request with the same key runs to completion
    // before the first commits: the first's transaction is cancelled by the key's record.
    AtomicReference<APIGatewayV2HTTPResponse> second = new AtomicReference<>();
    SequentialIds ids = new SequentialIds("id");
    AtomicBoolean raced = new AtomicBoolean();
    PlaceOrderHandler racing =
        new PlaceOrderHandler(
            functions.place(
                () -> {
                  String id = ids.next();
                  if (raced.compareAndSet(false, true)) {
                    second.set(
                        new PlaceOrderHandler(functions.place(ids))
                            .handleRequest(event("apigw_place_order.json"), context));
                  }
                  return id;
                }));

    APIGatewayV2HTTPResponse first = racing.handleRequest(event("apigw_place_order.json"), context);

    assertThat(second.get().getStatusCode()).isEqualTo(201);
    assertThat(second.get().getHeaders()).doesNotContainKey("Idempotent-Replayed");
    assertThat(first.getStatusCode()).isEqualTo(201);
    assertThat(first.getHeaders()).containsEntry("Idempotent-Replayed", "true");
    assertThat(first.getBody()).isEqualTo(second.get().getBody());
    assertThat(functions.tables.all()).hasSize(2);
    assertThat(json(first.getBody()).path("orderId").asText()).isEqualTo("id-2");
  }

  @Test
  void missingIdempotencyKey_isRefusedWith400() {
    APIGatewayV2HTTPResponse response =
        handler.handleRequest(event("apigw_place_order_no_idempotency_key.json"), context);

    assertProblem(response, 400, "IDEMPOTENCY_KEY_MISSING");
    assertThat(functions.tables.all()).isEmpty();
  }

  @ParameterizedTest(name = "{0} -> {1} {2}")
  @CsvSource({
    "apigw_place_order_malformed_json.json, 400, MALFORMED_BODY",
    "apigw_place_order_wrong_content_type.json, 415, UNSUPPORTED_MEDIA_TYPE",
    "apigw_place_order_no_tenant.json, 401, UNAUTHORIZED",
    "apigw_place_order_invalid.json, 400, VALIDATION_FAILED",
  })
  void unacceptableRequests_areProblemsAndWriteNothing(String file, int status, String code) {
    APIGatewayV2HTTPResponse response = handler.handleRequest(event(file), context);

    JsonNode problem = assertProblem(response, status, code);
    assertThat(problem.path("correlationId").asText()).isEqualTo("corr-http-1");
    assertThat(functions.tables.all()).isEmpty();
  }

  @Test
  void oversizedBody_isRefusedWith413() {
    APIGatewayV2HTTPEvent event = event("apigw_place_order.json");
    event.setBody(event.getBody().replace("tok_ok", "t".repeat(70 * 1024)));

    assertProblem(handler.handleRequest(event, context), 413, "PAYLOAD_TOO_LARGE");
    assertThat(functions.tables.all()).isEmpty();
  }

  @Test
  void invalidBody_reportsEveryViolationWithItsPath() {
    APIGatewayV2HTTPResponse response =
        handler.handleRequest(event("apigw_place_order_invalid.json"), context);

    JsonNode problem = assertProblem(response, 400, "VALIDATION_FAILED");
    assertThat(problem.path("violations").findValuesAsText("field"))
        .containsExactlyInAnyOrder(
            "coupon",
            "customerId",
            "paymentToken",
            "currency",
            "lines[0].quantity",
            "lines[0].unitPrice",
            "lines[1].color",
            "lines[1].quantity",
            "lines[1].unitPrice",
            "lines[1].sku");
  }

  @Test
  void invalidBody_doesNotUseUpItsKey_soTheCorrectedRequestGoesThrough() {
    APIGatewayV2HTTPEvent invalid = withKey(event("apigw_place_order_invalid.json"), "key-1");
    assertProblem(handler.handleRequest(invalid, context), 400, "VALIDATION_FAILED");

    APIGatewayV2HTTPResponse corrected =
        handler.handleRequest(event("apigw_place_order.json"), context);

    assertThat(corrected.getStatusCode()).isEqualTo(201);
  }

  @Test
  void storageFailure_is500WithNothingInternal_andReleasesTheKey() {
    var env = new HashMap<String, String>();
    env.put("AWS_REGION", "us-east-1");
    env.put("AWS_ACCESS_KEY_ID", "local");
    env.put("AWS_SECRET_ACCESS_KEY", "local");
    env.put("AWS_ENDPOINT_URL", engine.engine().endpoint().toString());
    env.put("ORDERS_TABLE", "orders-no-such-table");
    env.put("IDEMPOTENCY_TABLE", functions.tables.idempotency);
    PlaceOrderHandler broken =
        new PlaceOrderHandler(
            dev.orderly.orders.wiring.DaggerPlaceOrderComponent.builder()
                .environment(dev.orderly.lambda.config.Environment.of(env))
                .clock(functions.clock)
                .ids(functions.ids)
                .build());

    JsonNode problem =
        assertProblem(
            broken.handleRequest(event("apigw_place_order.json"), context), 500, "INTERNAL_ERROR");
    APIGatewayV2HTTPResponse retried =
        handler.handleRequest(event("apigw_place_order.json"), context);

    assertThat(problem.path("detail").asText()).doesNotContain("table");
    assertThat(retried.getStatusCode()).isEqualTo(201);
  }
}
