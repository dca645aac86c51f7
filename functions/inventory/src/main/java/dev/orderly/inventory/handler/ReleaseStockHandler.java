package dev.orderly.inventory.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.orderly.inventory.domain.InventoryService;
import dev.orderly.inventory.domain.ReleaseStock;
import dev.orderly.inventory.wiring.DaggerReleaseStockComponent;
import dev.orderly.inventory.wiring.ReleaseStockComponent;
import dev.orderly.lambda.config.Environment;
import dev.orderly.lambda.log.Invocation;
import dev.orderly.lambda.log.StructuredLog;
import dev.orderly.lambda.saga.AmbiguousFailures;
import java.util.Map;

/**
 * The saga's ReleaseStock compensation, {@code {released: bool}}: gives back what the order's
 * reservation holds, once, and succeeds as a no-op when ReserveStock never ran or failed.
 */
public final class ReleaseStockHandler
    implements RequestHandler<Map<String, Object>, Map<String, Object>> {
  private final InventoryService service;
  private final StructuredLog log;

  public ReleaseStockHandler() {
    this(DaggerReleaseStockComponent.builder().environment(Environment.system()).build());
  }

  public ReleaseStockHandler(ReleaseStockComponent component) {
    this.service = component.service();
    this.log = component.log();
  }

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
    ReleaseStock command = StockTasks.release(input);
    Invocation invocation = log.begin(context, command.correlationId());
    boolean released = AmbiguousFailures.retried(() -> service.release(command));
    invocation.info("stock released", Map.of("orderId", command.orderId(), "released", released));
    return Map.of("released", released);
  }
}
