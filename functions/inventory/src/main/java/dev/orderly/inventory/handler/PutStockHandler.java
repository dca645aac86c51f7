package dev.orderly.inventory.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.orderly.inventory.domain.InventoryService;
import dev.orderly.inventory.domain.StockLevel;
import dev.orderly.inventory.wiring.DaggerPutStockComponent;
import dev.orderly.inventory.wiring.PutStockComponent;
import dev.orderly.lambda.config.Environment;
import dev.orderly.lambda.http.ApiHandling;
import dev.orderly.lambda.http.ApiRequest;
import dev.orderly.lambda.http.ApiResponses;
import dev.orderly.lambda.log.StructuredLog;

/**
 * {@code PUT /inventory/{sku}}: sets the caller's tenant's available stock of a SKU and answers 200
 * with {@code {sku, available, reserved}}. A PUT of a level is idempotent by itself, so it takes no
 * Idempotency-Key.
 */
public final class PutStockHandler
    implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
  private final InventoryService service;
  private final StructuredLog log;

  public PutStockHandler() {
    this(DaggerPutStockComponent.builder().environment(Environment.system()).build());
  }

  public PutStockHandler(PutStockComponent component) {
    this.service = component.service();
    this.log = component.log();
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    String correlationId = ApiRequest.of(event).correlationId();
    return ApiHandling.handle(
        event,
        log.begin(context, correlationId),
        request -> {
          StockLevel level = service.setStock(StockRequests.setStock(request));
          return ApiResponses.json(200, StockRequests.toJson(level), correlationId);
        });
  }
}
