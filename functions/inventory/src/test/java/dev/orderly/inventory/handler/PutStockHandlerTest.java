package dev.orderly.inventory.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderly.dynamodb.DynamoDbEngineExtension;
import dev.orderly.inventory.LocalInventory;
import dev.orderly.inventory.domain.StockLevel;
import dev.orderly.inventory.persistence.DynamoDbInventoryRepository;
import dev.orderly.inventory.wiring.DaggerPutStockComponent;
import dev.orderly.lambda.config.Environment;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code PUT /inventory/{sku}} from its event files through the real component on the engine. */
class PutStockHandlerTest {
  @RegisterExtension static final DynamoDbEngineExtension ENGINE = new DynamoDbEngineExtension();
  private static final ObjectMapper JSON = new ObjectMapper();

  private LocalInventory local;
  private DynamoDbInventoryRepository repository;
  private PutStockHandler handler;

  @BeforeEach
  void setUp() {
    local = new LocalInventory(ENGINE.engine());
    repository = local.repository(Clock.systemUTC());
    handler = handlerOn(local.environment());
  }

  private static PutStockHandler handlerOn(Environment environment) {
    return new PutStockHandler(DaggerPutStockComponent.builder().environment(environment).build());
  }

  private static APIGatewayV2HTTPEvent request(String file) {
    return EventLoader.loadApiGatewayHttpEvent(file);
  }

  private static JsonNode body(APIGatewayV2HTTPResponse response) throws Exception {
    return JSON.readTree(response.getBody());
  }

  private static void assertProblem(APIGatewayV2HTTPResponse response, int status, String code)
      throws Exception {
    assertThat(response.getStatusCode()).isEqualTo(status);
    assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
    JsonNode problem = body(response);
    assertThat(problem.path("status").asInt()).isEqualTo(status);
    assertThat(problem.path("code").asText()).isEqualTo(code);
    assertThat(problem.path("correlationId").asText()).isEqualTo("corr-put-stock");
    assertThat(response.getBody()).doesNotContain("Exception", "at dev.", "inventory-");
  }

  @Test
  void putStock_setsTheTenantsAvailableStock() throws Exception {
    APIGatewayV2HTTPEvent event = request("events/apigw_put-stock.json");
    APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);

    assertThat(response.getStatusCode()).isEqualTo(200);
    assertThat(response.getHeaders())
        .containsEntry("Content-Type", "application/json")
        .containsEntry("X-Correlation-Id", "corr-put-stock");
    assertThat(body(response))
        .isEqualTo(JSON.readTree("{\"sku\":\"WIDGET-1\",\"available\":25,\"reserved\":0}"));
    assertThat(repository.stock("acme", "WIDGET-1")).contains(new StockLevel("WIDGET-1", 25, 0));
  }

  @Test
  void putStock_repeated_answersTheSameLevel() throws Exception {
    APIGatewayV2HTTPEvent event = request("events/apigw_put-stock.json");
    APIGatewayV2HTTPResponse first = handler.handleRequest(event, null);
    APIGatewayV2HTTPResponse second = handler.handleRequest(event, null);

    assertThat(body(second)).isEqualTo(body(first));
    assertThat(repository.stock("acme", "WIDGET-1")).contains(new StockLevel("WIDGET-1", 25, 0));
  }

  @Test
  void putStock_ofAnotherTenant_leavesThisTenantsStockAlone() {
    APIGatewayV2HTTPEvent event = request("events/apigw_put-stock.json");
    handler.handleRequest(event, null);
    event.getRequestContext().getAuthorizer().getJwt().setClaims(Map.of("tenant_id", "globex"));
    event.setBody("{\"available\": 3}");

    handler.handleRequest(event, null);

    assertThat(repository.stock("acme", "WIDGET-1")).contains(new StockLevel("WIDGET-1", 25, 0));
    assertThat(repository.stock("globex", "WIDGET-1")).contains(new StockLevel("WIDGET-1", 3, 0));
  }

  @Test
  void putStock_invalid_isAValidationProblemNamingEveryField() throws Exception {
    APIGatewayV2HTTPEvent event = request("events/apigw_put-stock_invalid.json");
    APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);

    assertProblem(response, 400, "VALIDATION_FAILED");
    assertThat(body(response).path("violations"))
        .isEqualTo(
            JSON.readTree(
                "[{\"field\":\"reserved\",\"message\":\"is not a known field\"},"
                    + "{\"field\":\"available\",\"message\":\"must be between 0 and 1000000\"},"
                    + "{\"field\":\"sku\",\"message\":"
                    + "\"must be 1 to 64 letters, digits, '.', '_' or '-'\"}]"));
    assertThat(local.dynamo.scan(b -> b.tableName(local.inventoryTable)).items()).isEmpty();
  }

  @Test
  void putStock_bodyNotJson_isMalformedBody() throws Exception {
    APIGatewayV2HTTPEvent event = request("events/apigw_put-stock_malformed-body.json");
    assertProblem(handler.handleRequest(event, null), 400, "MALFORMED_BODY");
  }

  @Test
  void putStock_withoutATenantClaim_isUnauthorized() throws Exception {
    APIGatewayV2HTTPEvent event = request("events/apigw_put-stock_no-tenant.json");
    assertProblem(handler.handleRequest(event, null), 401, "UNAUTHORIZED");
    assertThat(local.dynamo.scan(b -> b.tableName(local.inventoryTable)).items()).isEmpty();
  }

  @Test
  void putStock_whenTheTableFails_isAnInternalErrorThatLeaksNothing() throws Exception {
    APIGatewayV2HTTPEvent event = request("events/apigw_put-stock.json");
    Map<String, String> broken = new HashMap<>();
    broken.put("AWS_REGION", "us-east-1");
    broken.put("AWS_ACCESS_KEY_ID", "local");
    broken.put("AWS_SECRET_ACCESS_KEY", "local");
    broken.put("AWS_ENDPOINT_URL", ENGINE.engine().endpoint().toString());
    broken.put("INVENTORY_TABLE", "inventory-missing");
    broken.put("IDEMPOTENCY_TABLE", local.idempotencyTable);

    APIGatewayV2HTTPResponse response =
        handlerOn(Environment.of(broken)).handleRequest(event, null);

    assertProblem(response, 500, "INTERNAL_ERROR");
    assertThat(response.getBody()).doesNotContainIgnoringCase("resource").doesNotContain("missing");
  }
}
