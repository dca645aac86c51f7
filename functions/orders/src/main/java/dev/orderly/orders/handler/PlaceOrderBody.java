package dev.orderly.orders.handler;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderly.lambda.http.JsonFields;
import dev.orderly.orders.domain.Currencies;
import dev.orderly.orders.domain.OrderLimits;
import dev.orderly.orders.domain.OrderLine;
import dev.orderly.orders.domain.PlaceOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The body of {@code POST /orders}, read by hand: {@code {customerId, currency, paymentToken,
 * lines: [{sku, quantity, unitPrice}]}}. Every violation is collected with its path ({@code
 * lines[3].quantity}) and the request refused with all of them; unknown fields are violations.
 */
final class PlaceOrderBody {
  private static final Set<String> FIELDS =
      Set.of("customerId", "currency", "paymentToken", "lines");
  private static final Set<String> LINE_FIELDS = Set.of("sku", "quantity", "unitPrice");

  private PlaceOrderBody() {}

  static PlaceOrder parse(ObjectNode body, String tenantId, String correlationId) {
    JsonFields fields = JsonFields.of(body).allowOnly(FIELDS);
    String customerId = fields.requiredText("customerId", OrderLimits.MAX_CUSTOMER_ID_LENGTH);
    String paymentToken = fields.requiredText("paymentToken", OrderLimits.MAX_PAYMENT_TOKEN_LENGTH);
    String currency = fields.requiredText("currency", 3);
    if (currency != null && !Currencies.accepted(currency)) {
      fields.violation("currency", "must be an ISO 4217 currency code with minor units");
    }
    List<OrderLine> lines = new ArrayList<>();
    Map<String, Integer> skus = new HashMap<>();
    List<JsonFields> items = fields.objects("lines", OrderLimits.MIN_LINES, OrderLimits.MAX_LINES);
    for (int i = 0; i < items.size(); i++) {
      JsonFields line = items.get(i).allowOnly(LINE_FIELDS);
      String sku = line.requiredText("sku", OrderLimits.MAX_SKU_LENGTH);
      long quantity =
          line.requiredLong("quantity", OrderLimits.MIN_QUANTITY, OrderLimits.MAX_QUANTITY);
      long unitPrice =
          line.requiredLong("unitPrice", OrderLimits.MIN_UNIT_PRICE, OrderLimits.MAX_UNIT_PRICE);
      Integer first = sku == null ? null : skus.putIfAbsent(sku, i);
      if (first != null) {
        line.violation("sku", "repeats the sku of lines[" + first + "]");
      }
      if (fields.valid()) {
        lines.add(new OrderLine(sku, (int) quantity, unitPrice));
      }
    }
    fields.throwIfInvalid();
    return new PlaceOrder(tenantId, correlationId, customerId, currency, paymentToken, lines);
  }
}
