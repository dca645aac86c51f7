package dev.orderly.localcloud.template.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.orderly.localcloud.template.TemplateException;
import java.io.IOException;

/**
 * Reads a template's YAML into a JSON tree. Plain YAML parsers drop CloudFormation's short tags
 * ({@code !Ref X} would silently read as the string "X"), so any tag fails here instead.
 */
final class YamlLoader {
  private static final String STANDARD_TAG_PREFIX = "tag:yaml.org,2002:";

  private final YAMLMapper mapper =
      YAMLMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();

  JsonNode load(String yaml, String sourceName) {
    rejectTags(yaml, sourceName);
    try {
      JsonNode root = mapper.readTree(yaml);
      if (root == null || !root.isObject()) {
        throw new TemplateException(sourceName + ": a template is a YAML mapping");
      }
      return root;
    } catch (IOException e) {
      throw new TemplateException(sourceName + ": not valid YAML: " + e.getMessage(), e);
    }
  }

  private void rejectTags(String yaml, String sourceName) {
    YAMLFactory factory = mapper.getFactory();
    try (JsonParser parser = factory.createParser(yaml)) {
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        if (token == JsonToken.FIELD_NAME
            || token == JsonToken.END_OBJECT
            || token == JsonToken.END_ARRAY) {
          continue;
        }
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
    } catch (IOException e) {
      throw new TemplateException(sourceName + ": not valid YAML: " + e.getMessage(), e);
    }
  }
}
