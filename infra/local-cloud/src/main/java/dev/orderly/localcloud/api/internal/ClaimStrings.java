package dev.orderly.localcloud.api.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * A token's claims as {@code requestContext.authorizer.jwt.claims} carries them: every value a
 * string. AWS does not document the rendering; what is observed on real HTTP APIs (floci-io/floci
 * #2011, aws-solutions-library-samples guidance #803 for Entra ID groups) is: strings as they are,
 * numbers and booleans as their JSON text ({@code "exp": "1700000000"}), and arrays the way Go
 * prints a slice — elements rendered the same way, space-separated in brackets: {@code ["a","b"]}
 * becomes {@code "[a b]"}. Nested objects (not observed) become their JSON text.
 */
final class ClaimStrings {
  private ClaimStrings() {}

  static ObjectNode of(JsonNode claims) {
    ObjectNode strings = JsonNodeFactory.instance.objectNode();
    for (Iterator<Map.Entry<String, JsonNode>> it = claims.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> claim = it.next();
      strings.put(claim.getKey(), render(claim.getValue()));
    }
    return strings;
  }

  static String render(JsonNode value) {
    if (value.isTextual()) {
      return value.textValue();
    }
    if (value.isArray()) {
      StringBuilder text = new StringBuilder("[");
      for (JsonNode element : value) {
        if (text.length() > 1) {
          text.append(' ');
        }
        text.append(render(element));
      }
      return text.append(']').toString();
    }
    return value.toString();
  }
}
