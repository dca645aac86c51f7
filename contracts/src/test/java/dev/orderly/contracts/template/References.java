package dev.orderly.contracts.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every name an intrinsic function or a resource attribute refers to: {@code Ref}, {@code
 * Fn::GetAtt}, the {@code ${Name}} and {@code ${Name.Attribute}} of {@code Fn::Sub} (less its own
 * variables and {@code ${!Literal}}), the condition of {@code Fn::If} and of a resource's {@code
 * Condition}, and {@code DependsOn}.
 */
final class References {
  /** A reference: where it is, what kind, the name and, for an attribute, which one. */
  record Reference(String at, String kind, String name, String attribute) {
    @Override
    public String toString() {
      return at + ": " + kind + " " + name + (attribute == null ? "" : "." + attribute);
    }
  }

  private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}!][^}]*)}");

  private References() {}

  static List<Reference> in(JsonNode template) {
    List<Reference> found = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> resources = template.path("Resources").fields();
    while (resources.hasNext()) {
      Map.Entry<String, JsonNode> resource = resources.next();
      String at = "Resources/" + resource.getKey();
      JsonNode condition = resource.getValue().get("Condition");
      if (condition != null) {
        found.add(new Reference(at, "Condition", condition.asText(), null));
      }
      for (String dependency : Template.texts(resource.getValue().get("DependsOn"))) {
        found.add(new Reference(at, "DependsOn", dependency, null));
      }
    }
    walk("", template, found);
    return found;
  }

  private static void walk(String at, JsonNode node, List<Reference> found) {
    if (node.isObject()) {
      if (node.size() == 1) {
        intrinsic(at, node, found);
      }
      node.fields().forEachRemaining(e -> walk(at + "/" + e.getKey(), e.getValue(), found));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        walk(at + "/" + i, node.get(i), found);
      }
    }
  }

  private static void intrinsic(String at, JsonNode node, List<Reference> found) {
    if (node.has("Ref")) {
      found.add(new Reference(at, "Ref", node.get("Ref").asText(), null));
    } else if (node.has("Fn::GetAtt")) {
      JsonNode args = node.get("Fn::GetAtt");
      if (args.isArray()) {
        found.add(new Reference(at, "GetAtt", args.get(0).asText(), args.get(1).asText()));
      } else {
        String[] parts = args.asText().split("\\.", 2);
        found.add(new Reference(at, "GetAtt", parts[0], parts.length > 1 ? parts[1] : null));
      }
    } else if (node.has("Fn::Sub")) {
      JsonNode args = node.get("Fn::Sub");
      String text = args.isArray() ? args.get(0).asText() : args.asText();
      JsonNode variables = args.isArray() ? args.get(1) : null;
      Matcher matcher = SUB_VARIABLE.matcher(text);
      while (matcher.find()) {
        String[] parts = matcher.group(1).split("\\.", 2);
        if (variables == null || !variables.has(matcher.group(1))) {
          found.add(new Reference(at, "Sub", parts[0], parts.length > 1 ? parts[1] : null));
        }
      }
    } else if (node.has("Fn::If")) {
      found.add(new Reference(at, "If", node.get("Fn::If").get(0).asText(), null));
    }
  }
}
