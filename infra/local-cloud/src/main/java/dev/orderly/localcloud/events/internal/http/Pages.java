package dev.orderly.localcloud.events.internal.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderly.localcloud.events.EventBridgeException;
import java.util.List;

/** List operations' paging: {@code Limit} (default and max 100) and an index {@code NextToken}. */
final class Pages {
  private Pages() {}

  static ObjectNode page(ObjectNode request, List<ObjectNode> items, String member) {
    int limit = request.path("Limit").asInt(0);
    int size = limit <= 0 ? 100 : Math.min(limit, 100);
    int from = 0;
    if (request.hasNonNull("NextToken")) {
      try {
        from = Integer.parseInt(request.get("NextToken").asText());
      } catch (NumberFormatException e) {
        throw EventBridgeException.validation("NextToken is not valid");
      }
    }
    ObjectNode response = JsonNodeFactory.instance.objectNode();
    ArrayNode array = response.putArray(member);
    int to = Math.min(items.size(), from + size);
    for (int i = Math.max(0, from); i < to; i++) {
      array.add(items.get(i));
    }
    if (to < items.size()) {
      response.put("NextToken", Integer.toString(to));
    }
    return response;
  }
}
