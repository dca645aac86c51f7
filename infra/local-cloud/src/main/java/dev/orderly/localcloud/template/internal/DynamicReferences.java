package dev.orderly.localcloud.template.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CloudFormation's dynamic references in resolved property values: {@code {{resolve:ssm:name}}}
 * becomes the local SSM parameter's value (the state directory's {@code parameters.json}, which the
 * local SSM also serves), anywhere in a string. A parameter that does not exist fails, as the stack
 * would; so do a version or label ({@code name:3}), {@code ssm-secure} and {@code secretsmanager},
 * which the local cloud does not resolve.
 */
final class DynamicReferences {
  private static final Pattern REFERENCE = Pattern.compile("\\{\\{resolve:([a-z-]+):([^}]*)}}");

  private DynamicReferences() {}

  static JsonNode resolve(
      JsonNode node, Where where, Function<String, Optional<String>> parameters) {
    if (node == null) {
      return null;
    }
    if (node.isTextual()) {
      return text(node.textValue(), where, parameters);
    }
    if (node.isArray()) {
      ArrayNode array = (ArrayNode) node;
      for (int i = 0; i < array.size(); i++) {
        array.set(i, resolve(array.get(i), where.index(i), parameters));
      }
    } else if (node.isObject()) {
      ObjectNode object = (ObjectNode) node;
      for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        field.setValue(resolve(field.getValue(), where.at(field.getKey()), parameters));
      }
    }
    return node;
  }

  private static JsonNode text(
      String text, Where where, Function<String, Optional<String>> parameters) {
    Matcher m = REFERENCE.matcher(text);
    if (!m.find()) {
      return TextNode.valueOf(text);
    }
    StringBuilder out = new StringBuilder();
    do {
      String service = m.group(1);
      String key = m.group(2);
      if (!service.equals("ssm")) {
        throw where.fail(
            "dynamic reference "
                + m.group()
                + ": "
                + service
                + " is not supported by the local cloud (only ssm)");
      }
      if (key.contains(":")) {
        throw where.fail(
            "dynamic reference "
                + m.group()
                + ": a version or label is not supported by the local cloud");
      }
      String value =
          parameters
              .apply(key)
              .orElseThrow(
                  () ->
                      where.fail(
                          "dynamic reference "
                              + m.group()
                              + ": no parameter "
                              + key
                              + " in the local SSM (the state directory's parameters.json)"));
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    } while (m.find());
    m.appendTail(out);
    return TextNode.valueOf(out.toString());
  }
}
