package dev.orderly.localcloud.template.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates CloudFormation's intrinsic functions in a JSON tree: Ref, Fn::GetAtt, Fn::Sub,
 * Fn::Join, Fn::If, Fn::Equals, Fn::Not, Fn::And, Fn::Or, Fn::Select and Fn::Split. A value that
 * resolves to {@code AWS::NoValue} comes back as {@code null} and disappears from its object or
 * list. Any other {@code Fn::} function fails.
 */
final class Intrinsics {

  /** What names resolve to. */
  interface Symbols {
    /** Ref of a parameter, pseudo parameter or resource (never AWS::NoValue). */
    JsonNode ref(String name, Where where);

    String getAtt(String logicalId, String attribute, Where where);

    boolean condition(String name, Where where);
  }

  private final Symbols symbols;

  Intrinsics(Symbols symbols) {
    this.symbols = symbols;
  }

  /** Whether the node is an intrinsic function call: one key, Ref or Fn::*. */
  static boolean isIntrinsic(JsonNode node) {
    if (!node.isObject() || node.size() != 1) {
      return false;
    }
    String key = node.fieldNames().next();
    return key.equals("Ref") || key.startsWith("Fn::");
  }

  /** The resolved tree, or null for AWS::NoValue. */
  JsonNode resolve(JsonNode node, Where where) {
    if (isIntrinsic(node)) {
      String function = node.fieldNames().next();
      return call(function, node.get(function), where);
    }
    if (node.isObject()) {
      ObjectNode out = Json.MAPPER.createObjectNode();
      node.fields()
          .forEachRemaining(
              e -> {
                JsonNode value = resolve(e.getValue(), where.at(e.getKey()));
                if (value != null) {
                  out.set(e.getKey(), value);
                }
              });
      return out;
    }
    if (node.isArray()) {
      ArrayNode out = Json.MAPPER.createArrayNode();
      for (int i = 0; i < node.size(); i++) {
        JsonNode value = resolve(node.get(i), where.index(i));
        if (value != null) {
          out.add(value);
        }
      }
      return out;
    }
    return node;
  }

  /** A condition expression: Fn::Equals, Fn::Not, Fn::And, Fn::Or or {"Condition": name}. */
  boolean condition(JsonNode node, Where where) {
    if (node.isObject() && node.size() == 1 && node.has("Condition")) {
      JsonNode name = node.get("Condition");
      if (!name.isTextual()) {
        throw where.fail("Condition takes the name of a condition");
      }
      return symbols.condition(name.textValue(), where);
    }
    if (!isIntrinsic(node)) {
      throw where.fail(
          "a condition must be Fn::Equals, Fn::Not, Fn::And, Fn::Or or Condition, not "
              + Json.describe(node));
    }
    String function = node.fieldNames().next();
    JsonNode arg = node.get(function);
    Where at = where.at(function);
    switch (function) {
      case "Fn::Equals":
        {
          List<JsonNode> args = args(arg, 2, 2, at);
          return equal(resolve(args.get(0), at.index(0)), resolve(args.get(1), at.index(1)));
        }
      case "Fn::Not":
        return !condition(args(arg, 1, 1, at).get(0), at.index(0));
      case "Fn::And":
        {
          List<JsonNode> args = args(arg, 2, 10, at);
          boolean all = true;
          for (int i = 0; i < args.size(); i++) {
            all &= condition(args.get(i), at.index(i));
          }
          return all;
        }
      case "Fn::Or":
        {
          List<JsonNode> args = args(arg, 2, 10, at);
          boolean any = false;
          for (int i = 0; i < args.size(); i++) {
            any |= condition(args.get(i), at.index(i));
          }
          return any;
        }
      default:
        throw where.fail(function + " is not a condition function");
    }
  }

  private JsonNode call(String function, JsonNode arg, Where where) {
    Where at = where.at(function);
    switch (function) {
      case "Ref":
        {
          if (!arg.isTextual()) {
            throw at.fail("Ref takes a name, not " + Json.describe(arg));
          }
          String name = arg.textValue();
          return name.equals("AWS::NoValue") ? null : symbols.ref(name, at);
        }
      case "Fn::GetAtt":
        return TextNode.valueOf(getAtt(arg, at));
      case "Fn::Sub":
        return TextNode.valueOf(sub(arg, at));
      case "Fn::Join":
        return TextNode.valueOf(join(arg, at));
      case "Fn::If":
        {
          List<JsonNode> args = args(arg, 3, 3, at);
          if (!args.get(0).isTextual()) {
            throw at.fail("Fn::If takes a condition name first");
          }
          boolean which = symbols.condition(args.get(0).textValue(), at);
          return which ? resolve(args.get(1), at.index(1)) : resolve(args.get(2), at.index(2));
        }
      case "Fn::Equals":
      case "Fn::Not":
      case "Fn::And":
      case "Fn::Or":
        return BooleanNode.valueOf(
            condition(Json.MAPPER.createObjectNode().set(function, arg), where));
      case "Fn::Select":
        return select(arg, at);
      case "Fn::Split":
        return split(arg, at);
      default:
        throw where.fail("intrinsic function " + function + " is not supported by the local cloud");
    }
  }

  private String getAtt(JsonNode arg, Where at) {
    if (arg.isTextual()) {
      String text = arg.textValue();
      int dot = text.indexOf('.');
      if (dot <= 0 || dot == text.length() - 1) {
        throw at.fail("Fn::GetAtt takes \"Resource.Attribute\" or [Resource, Attribute]");
      }
      return symbols.getAtt(text.substring(0, dot), text.substring(dot + 1), at);
    }
    List<JsonNode> args = args(arg, 2, 2, at);
    if (!args.get(0).isTextual()) {
      throw at.fail("Fn::GetAtt takes a logical id first");
    }
    String attribute = text(resolve(args.get(1), at.index(1)), at.index(1));
    return symbols.getAtt(args.get(0).textValue(), attribute, at);
  }

  private String sub(JsonNode arg, Where at) {
    String template;
    Map<String, String> variables = new LinkedHashMap<>();
    if (arg.isTextual()) {
      template = arg.textValue();
    } else if (arg.isArray()
        && arg.size() == 2
        && arg.get(0).isTextual()
        && arg.get(1).isObject()) {
      template = arg.get(0).textValue();
      Where vars = at.index(1);
      arg.get(1)
          .fields()
          .forEachRemaining(
              e ->
                  variables.put(
                      e.getKey(),
                      text(resolve(e.getValue(), vars.at(e.getKey())), vars.at(e.getKey()))));
    } else {
      throw at.fail("Fn::Sub takes a string or [string, {variables}]");
    }
    StringBuilder out = new StringBuilder();
    int from = 0;
    while (true) {
      int start = template.indexOf("${", from);
      if (start < 0) {
        out.append(template, from, template.length());
        return out.toString();
      }
      out.append(template, from, start);
      int end = template.indexOf('}', start);
      if (end < 0) {
        throw at.fail("unclosed ${ in \"" + template + "\"");
      }
      String name = template.substring(start + 2, end).trim();
      if (name.startsWith("!")) {
        out.append("${").append(name.substring(1)).append('}');
      } else {
        out.append(variable(name, variables, at));
      }
      from = end + 1;
    }
  }

  private String variable(String name, Map<String, String> variables, Where at) {
    if (variables.containsKey(name)) {
      return variables.get(name);
    }
    int dot = name.indexOf('.');
    if (dot > 0 && !name.startsWith("AWS::")) {
      return symbols.getAtt(name.substring(0, dot), name.substring(dot + 1), at);
    }
    JsonNode value = symbols.ref(name, at);
    if (!value.isValueNode()) {
      throw at.fail("${" + name + "} is a list: Fn::Sub substitutes only strings");
    }
    return value.asText();
  }

  private String join(JsonNode arg, Where at) {
    List<JsonNode> args = args(arg, 2, 2, at);
    String delimiter = text(args.get(0), at.index(0));
    JsonNode list = resolve(args.get(1), at.index(1));
    if (list == null || !list.isArray()) {
      throw at.fail("Fn::Join takes [delimiter, [values]]");
    }
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      parts.add(text(list.get(i), at.index(1).index(i)));
    }
    return String.join(delimiter, parts);
  }

  private JsonNode select(JsonNode arg, Where at) {
    List<JsonNode> args = args(arg, 2, 2, at);
    String indexText = text(resolve(args.get(0), at.index(0)), at.index(0));
    JsonNode list = resolve(args.get(1), at.index(1));
    if (list == null || !list.isArray()) {
      throw at.fail("Fn::Select takes [index, [values]]");
    }
    int index;
    try {
      index = Integer.parseInt(indexText);
    } catch (NumberFormatException e) {
      throw at.fail("Fn::Select index must be an integer, not " + indexText);
    }
    if (index < 0 || index >= list.size()) {
      throw at.fail("Fn::Select index " + index + " is outside a list of " + list.size());
    }
    return list.get(index);
  }

  private JsonNode split(JsonNode arg, Where at) {
    List<JsonNode> args = args(arg, 2, 2, at);
    String delimiter = text(args.get(0), at.index(0));
    if (delimiter.isEmpty()) {
      throw at.fail("Fn::Split needs a non-empty delimiter");
    }
    String source = text(resolve(args.get(1), at.index(1)), at.index(1));
    ArrayNode out = Json.MAPPER.createArrayNode();
    int from = 0;
    for (int i = source.indexOf(delimiter); i >= 0; i = source.indexOf(delimiter, from)) {
      out.add(source.substring(from, i));
      from = i + delimiter.length();
    }
    out.add(source.substring(from));
    return out;
  }

  private static boolean equal(JsonNode a, JsonNode b) {
    if (a == null || b == null) {
      return a == b;
    }
    if (a.isValueNode() && b.isValueNode()) {
      return a.asText().equals(b.asText());
    }
    return a.equals(b);
  }

  private static String text(JsonNode value, Where where) {
    if (value == null) {
      throw where.fail("AWS::NoValue cannot be used here");
    }
    return Json.scalar(value, where);
  }

  private static List<JsonNode> args(JsonNode arg, int min, int max, Where at) {
    if (!arg.isArray() || arg.size() < min || arg.size() > max) {
      String count = min == max ? String.valueOf(min) : min + " to " + max;
      throw at.fail("takes a list of " + count + " arguments, not " + Json.describe(arg));
    }
    List<JsonNode> items = new ArrayList<>();
    arg.forEach(items::add);
    return items;
  }
}
