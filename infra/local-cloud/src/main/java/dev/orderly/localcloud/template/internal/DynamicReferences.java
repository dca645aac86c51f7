package dev.orderly.localcloud.template.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.orderly.localcloud.template.SsmParameters;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
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

  /** A name (a path, or a parameter's ARN) and an optional version number. */
  private static final Pattern KEY =
      Pattern.compile("((?:arn:[^:]+:ssm:[^:]*:\\d*:parameter/)?[^:]+)(?::(\\d+))?");

  private DynamicReferences() {}

  static JsonNode resolve(JsonNode node, Where where, SsmParameters parameters) {
    return node == null ? null : replace(node.deepCopy(), where, parameters);
  }

  private static JsonNode replace(JsonNode node, Where where, SsmParameters parameters) {
    if (node.isTextual()) {
      return text(node.textValue(), where, parameters);
    }
    if (node.isArray()) {
      ArrayNode array = (ArrayNode) node;
      for (int i = 0; i < array.size(); i++) {
        array.set(i, replace(array.get(i), where.index(i), parameters));
      }
    } else if (node.isObject()) {
      ObjectNode object = (ObjectNode) node;
      for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        field.setValue(replace(field.getValue(), where.at(field.getKey()), parameters));
      }
    }
    return node;
  }

  /** A parameter ARN ends in {@code parameter/<name without its leading slash>}. */
  private static Optional<SsmParameters.Parameter> byNameOrArn(
      SsmParameters parameters, String name) {
    if (!name.startsWith("arn:")) {
      return parameters.get(name);
    }
    String path = name.substring(name.indexOf(":parameter/") + ":parameter/".length());
    return parameters.get("/" + path).or(() -> parameters.get(path));
  }

  private static JsonNode text(String text, Where where, SsmParameters parameters) {
    Matcher m = REFERENCE.matcher(text);
    if (!m.find()) {
      return TextNode.valueOf(text);
    }
    StringBuilder out = new StringBuilder();
    do {
      String reference = m.group();
      String service = m.group(1);
      if (!service.equals("ssm")) {
        throw where.fail(
            "dynamic reference "
                + reference
                + ": "
                + service
                + " is not supported by the local cloud (only ssm)");
      }
      Matcher key = KEY.matcher(m.group(2));
      if (!key.matches()) {
        throw where.fail("dynamic reference " + reference + ": not ssm:name or ssm:name:version");
      }
      String name = key.group(1);
      SsmParameters.Parameter parameter =
          byNameOrArn(parameters, name)
              .orElseThrow(
                  () ->
                      where.fail(
                          "dynamic reference "
                              + reference
                              + ": no parameter "
                              + name
                              + " in the local SSM (the state directory's parameters.json)"));
      if (parameter.type().equals("SecureString")) {
        throw where.fail(
            "dynamic reference "
                + reference
                + ": "
                + name
                + " is a SecureString, which CloudFormation resolves only with ssm-secure");
      }
      if (key.group(2) != null && Long.parseLong(key.group(2)) != parameter.version()) {
        throw where.fail(
            "dynamic reference "
                + reference
                + ": the local SSM holds version "
                + parameter.version()
                + " of "
                + name);
      }
      String value = parameter.value();
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    } while (m.find());
    m.appendTail(out);
    return TextNode.valueOf(out.toString());
  }
}
