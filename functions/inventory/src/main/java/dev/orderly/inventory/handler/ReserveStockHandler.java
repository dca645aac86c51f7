package dev.orderly.inventory.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.orderly.inventory.domain.InventoryService;
import dev.orderly.inventory.domain.ReserveStock;
import dev.orderly.inventory.wiring.DaggerReserveStockComponent;
import dev.orderly.inventory.wiring.ReserveStockComponent;
import dev.orderly.lambda.config.Environment;
import dev.orderly.lambda.log.Invocation;
import dev.orderly.lambda.log.StructuredLog;
import dev.orderly.lambda.saga.AmbiguousFailures;
import dev.orderly.lambda.saga.OutOfStock;
import java.util.Map;

/**
 * The saga's ReserveStock task: every line of the order or none, {@code {reservationId}} back, or
 * {@code dev.orderly.lambda.saga.OutOfStock} naming the short SKUs for the state machine's Catch.
 */
public final class ReserveStockHandler
    implements RequestHandler<Map<String, Object>, Map<String, Object>> {
  private final InventoryService service;
  private final StructuredLog log;

  public ReserveStockHandler() {
    this(DaggerReserveStockComponent.builder().environment(Environment.system()).build());
  }

  public ReserveStockHandler(ReserveStockComponent component) {
    this.service = component.service();
    this.log = component.log();
  }

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
    ReserveStock command = StockTasks.reserve(input);
    Invocation invocation = log.begin(context, command.correlationId());
    try {
      String reservationId = AmbiguousFailures.retried(() -> service.reserve(command));
      invocation.info("stock reserved", Map.of("orderId", command.orderId()));
      return Map.of("reservationId", reservationId);
    } catch (OutOfStock shortOf) {
      invocation.info("out of stock", Map.of("orderId", command.orderId(), "skus", shortOf.skus()));
      invocation.metric("OutOfStock", 1, "Count");
      throw shortOf;
    }
  }
}
