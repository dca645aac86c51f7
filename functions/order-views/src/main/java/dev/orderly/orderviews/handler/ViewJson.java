package dev.orderly.orderviews.handler;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderly.orderviews.domain.OrderView;
import dev.orderly.orderviews.domain.StatusChange;
import dev.orderly.orderviews.domain.ViewPage;

/**
 * The list response: {@code {"items": [...], "nextCursor": "..."}}, the cursor absent on the last
 * page. Written by hand so that the wire format is visible here and not an accident of a mapper.
 */
public final class ViewJson {
  private ViewJson() {}

  public static ObjectNode page(ViewPage page) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    ArrayNode items = body.putArray("items");
    page.items().forEach(view -> items.add(view(view)));
    page.nextCursor().ifPresent(cursor -> body.put("nextCursor", cursor));
    return body;
  }

  public static ObjectNode view(OrderView view) {
    ObjectNode item = JsonNodeFactory.instance.objectNode();
    item.put("orderId", view.orderId());
    item.put("customerId", view.customerId());
    view.customerName().ifPresent(name -> item.put("customerName", name));
    item.put("status", view.status().name());
    view.amount()
        .ifPresent(money -> item.put("total", money.total()).put("currency", money.currency()));
    view.placedAt().ifPresent(at -> item.put("placedAt", at.toString()));
    ArrayNode history = item.putArray("history");
    for (StatusChange change : view.history()) {
      ObjectNode entry = history.addObject();
      entry.put("status", change.status().name());
      entry.put("at", change.at().toString());
      change
          .reason()
          .ifPresent(
              reason ->
                  entry
                      .putObject("reason")
                      .put("code", reason.code())
                      .put("detail", reason.detail()));
    }
    item.put("version", view.version());
    return item;
  }
}
