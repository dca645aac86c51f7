package dev.orderly.localcloud.template.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.orderly.localcloud.template.TemplateException;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Reads a template's YAML into a JSON tree, token by token, so that it can refuse what a plain YAML
 * reader would silently get wrong: a CloudFormation short tag ({@code !Ref X} would read as the
 * string "X") and a duplicate key. Scalars keep their written form where YAML 1.1 would change it:
 * {@code yes}, {@code on}, {@code 010} stay strings; decimal numbers keep their digits.
 */
final class YamlLoader {
  private static final String STANDARD_TAG_PREFIX = "tag:yaml.org,2002:";
  private static final Pattern DECIMAL =
      Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][-+]?[0-9]+)?");

  private final YAMLFactory factory = new YAMLFactory();

  JsonNode load(String yaml, String sourceName) {
    try (JsonParser parser = factory.createParser(yaml)) {
      JsonToken first = parser.nextToken();
      if (first != JsonToken.START_OBJECT) {
        throw new TemplateException(sourceName + ": a template is a YAML mapping");
      }
      return value(parser, first, sourceName);
    } catch (IOException e) {
      throw new TemplateException(sourceName + ": not valid YAML: " + e.getMessage(), e);
    }
  }

  private JsonNode value(JsonParser parser, JsonToken token, String sourceName) throws IOException {
    rejectTag(parser, sourceName);
    switch (token) {
      case START_OBJECT:
        {
          ObjectNode object = Json.MAPPER.createObjectNode();
          for (JsonToken t = parser.nextToken();
              t != JsonToken.END_OBJECT;
              t = parser.nextToken()) {
            String name = parser.currentName();
            if (object.has(name)) {
              throw new TemplateException(
                  sourceName
                      + " line "
                      + parser.currentLocation().getLineNr()
                      + ": duplicate key "
                      + name);
            }
            object.set(name, value(parser, parser.nextToken(), sourceName));
          }
          return object;
        }
      case START_ARRAY:
        {
          ArrayNode array = Json.MAPPER.createArrayNode();
          for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
            array.add(value(parser, t, sourceName));
          }
          return array;
        }
      case VALUE_TRUE:
      case VALUE_FALSE:
        {
          String text = parser.getText();
          return text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")
              ? BooleanNode.valueOf(token == JsonToken.VALUE_TRUE)
              : TextNode.valueOf(text);
        }
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        {
          String text = parser.getText();
          return DECIMAL.matcher(text).matches()
              ? DecimalNode.valueOf(new BigDecimal(text))
              : TextNode.valueOf(text);
        }
      case VALUE_NULL:
        return NullNode.getInstance();
      default:
        return TextNode.valueOf(parser.getText());
    }
  }

  private static void rejectTag(JsonParser parser, String sourceName) throws IOException {
    Object typeId = parser.getTypeId();
    String tag = typeId == null ? null : typeId.toString();
    if (tag != null && !tag.startsWith(STANDARD_TAG_PREFIX)) {
      throw new TemplateException(
          sourceName
              + " line "
              + parser.currentLocation().getLineNr()
              + ": YAML tag !"
              + tag
              + " is not supported: write intrinsic functions in their long form, e.g."
              + " {\"Ref\": ...} or {\"Fn::GetAtt\": [..]}");
    }
  }
}
