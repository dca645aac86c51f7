package dev.orderly.localcloud.template.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.orderly.localcloud.template.TemplateException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The template's parameters with their values: the caller's override, else the Default, checked
 * against the constraints as CloudFormation checks them. A String or Number resolves to a text
 * node, a CommaDelimitedList to a list of trimmed texts.
 */
final class Parameters {
  private static final List<String> TYPES =
      List.of("String", "Number", "CommaDelimitedList", "List<Number>");

  private final Map<String, JsonNode> values;

  private Parameters(Map<String, JsonNode> values) {
    this.values = values;
  }

  static Parameters resolve(JsonNode section, Map<String, String> overrides) {
    Map<String, JsonNode> values = new LinkedHashMap<>();
    Props parameters = Props.of(section, Where.of("Parameters"));
    TreeSet<String> unknown = new TreeSet<>(overrides.keySet());
    for (String name : parameters.keys()) {
      unknown.remove(name);
      values.put(name, resolveOne(name, parameters.requiredObject(name), overrides.get(name)));
    }
    if (!unknown.isEmpty()) {
      throw new TemplateException(
          "Parameters: " + unknown + " given but not declared by the template");
    }
    return new Parameters(values);
  }

  private static JsonNode resolveOne(String name, Props p, String override) {
    Where where = Where.of("Parameter " + name);
    String type = p.requiredString("Type");
    if (!TYPES.contains(type)) {
      throw where
          .at("Type")
          .fail("parameter type " + type + " is not supported by the local cloud");
    }
    p.accept("Description", "ConstraintDescription", "NoEcho");
    Optional<String> defaultValue = p.string("Default");
    List<String> allowedValues = p.strings("AllowedValues");
    Optional<Pattern> allowedPattern = p.string("AllowedPattern").map(r -> compile(r, where));
    Optional<Double> minValue = p.decimal("MinValue");
    Optional<Double> maxValue = p.decimal("MaxValue");
    OptionalInt minLength = p.integer("MinLength");
    OptionalInt maxLength = p.integer("MaxLength");
    p.done();

    String raw = override != null ? override : defaultValue.orElse(null);
    if (raw == null) {
      throw new TemplateException(
          "Parameter " + name + " has no Default and no value was given for it");
    }
    boolean list = type.equals("CommaDelimitedList") || type.equals("List<Number>");
    List<String> members =
        list ? Arrays.stream(raw.split(",", -1)).map(String::trim).toList() : List.of(raw);
    boolean number = type.equals("Number") || type.equals("List<Number>");
    for (String value : members) {
      String invalid = "value '" + value + "' ";
      if (!allowedValues.isEmpty() && !allowedValues.contains(value)) {
        throw where.fail(invalid + "is not one of the AllowedValues " + allowedValues);
      }
      if (allowedPattern.isPresent() && !allowedPattern.get().matcher(value).matches()) {
        throw where.fail(invalid + "does not match the AllowedPattern " + allowedPattern.get());
      }
      if (minLength.isPresent() && value.length() < minLength.getAsInt()) {
        throw where.fail(invalid + "is shorter than MinLength " + minLength.getAsInt());
      }
      if (maxLength.isPresent() && value.length() > maxLength.getAsInt()) {
        throw where.fail(invalid + "is longer than MaxLength " + maxLength.getAsInt());
      }
      if (number) {
        double n = parseNumber(value, where);
        if (minValue.isPresent() && n < minValue.get()) {
          throw where.fail(invalid + "is below MinValue " + p.string("MinValue").orElseThrow());
        }
        if (maxValue.isPresent() && n > maxValue.get()) {
          throw where.fail(invalid + "is above MaxValue " + p.string("MaxValue").orElseThrow());
        }
      }
    }
    if (!list) {
      return TextNode.valueOf(raw);
    }
    ArrayNode array = Json.MAPPER.createArrayNode();
    members.forEach(array::add);
    return array;
  }

  private static double parseNumber(String value, Where where) {
    try {
      return Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw where.fail("value '" + value + "' is not a number");
    }
  }

  private static Pattern compile(String regex, Where where) {
    try {
      return Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw where.at("AllowedPattern").fail("not a valid pattern: " + e.getDescription());
    }
  }

  Optional<JsonNode> value(String name) {
    return Optional.ofNullable(values.get(name));
  }

  /** Every value as text, a list's members joined by commas. */
  Map<String, String> display() {
    Map<String, String> result = new LinkedHashMap<>();
    values.forEach(
        (name, value) -> {
          if (value.isArray()) {
            List<String> members = new ArrayList<>();
            value.forEach(m -> members.add(m.asText()));
            result.put(name, String.join(",", members));
          } else {
            result.put(name, value.asText());
          }
        });
    return result;
  }
}
