package dev.orderly.localcloud.template.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * SAM's Globals: the Function and HttpApi sections merged into every resource of that type, as SAM
 * merges them: the resource's own value wins, objects (Environment.Variables) merge key by key,
 * lists are the global entries followed by the resource's. Intrinsics count as single values.
 */
final class Globals {
  private final ObjectNode function;
  private final ObjectNode httpApi;

  private Globals(ObjectNode function, ObjectNode httpApi) {
    this.function = function;
    this.httpApi = httpApi;
  }

  static Globals of(JsonNode section) {
    Props globals = Props.of(section, Where.of("Globals"));
    ObjectNode function = section(globals, "Function");
    ObjectNode httpApi = section(globals, "HttpApi");
    globals.done();
    return new Globals(function, httpApi);
  }

  private static ObjectNode section(Props globals, String name) {
    Optional<JsonNode> node = globals.node(name);
    if (node.isPresent() && !node.get().isObject()) {
      throw globals.where(name).fail("must be an object");
    }
    return node.map(n -> (ObjectNode) n).orElseGet(Json.MAPPER::createObjectNode);
  }

  /** The resource's properties with the Globals of its type merged in. */
  ObjectNode apply(String type, ObjectNode properties) {
    if (type.equals(ResourceTypes.FUNCTION)) {
      return (ObjectNode) merge(function, properties);
    }
    if (type.equals(ResourceTypes.HTTP_API)) {
      return (ObjectNode) merge(httpApi, properties);
    }
    return properties;
  }

  static JsonNode merge(JsonNode global, JsonNode local) {
    if (global == null) {
      return local.deepCopy();
    }
    if (local == null) {
      return global.deepCopy();
    }
    if (global.isObject()
        && local.isObject()
        && !Intrinsics.isIntrinsic(global)
        && !Intrinsics.isIntrinsic(local)) {
      ObjectNode out = global.deepCopy();
      local
          .fields()
          .forEachRemaining(e -> out.set(e.getKey(), merge(global.get(e.getKey()), e.getValue())));
      return out;
    }
    if (global.isArray() && local.isArray()) {
      ArrayNode out = global.deepCopy();
      local.forEach(item -> out.add(item.deepCopy()));
      return out;
    }
    return local.deepCopy();
  }
}
