package dev.orderly.inventory.handler;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderly.inventory.domain.Ids;
import dev.orderly.inventory.domain.SetStock;
import dev.orderly.inventory.domain.StockLevel;
import dev.orderly.lambda.http.ApiRequest;
import dev.orderly.lambda.http.JsonFields;
import java.util.Set;

/** {@code PUT /inventory/{sku}} with {@code {"available": n}}: the request and the response. */
final class StockRequests {
  private StockRequests() {}

  /** The command, or VALIDATION_FAILED naming every bad field (the path's SKU included). */
  static SetStock setStock(ApiRequest request) {
    String tenant = request.tenant();
    String sku = request.pathParameter("sku");
    JsonFields fields = JsonFields.of(request.jsonBody()).allowOnly(Set.of("available"));
    long available = fields.requiredLong("available", 0, StockLevel.MAX_AVAILABLE);
    if (!Ids.validSku(sku)) {
      fields.violation("sku", "must be 1 to 64 letters, digits, '.', '_' or '-'");
    }
    fields.throwIfInvalid();
    return new SetStock(tenant, sku, (int) available);
  }

  static ObjectNode toJson(StockLevel level) {
    return JsonNodeFactory.instance
        .objectNode()
        .put("sku", level.sku())
        .put("available", level.available())
        .put("reserved", level.reserved());
  }
}
