package dev.orderly.localcloud.events.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.orderly.localcloud.events.EventBridgeException;
import dev.orderly.localcloud.events.InputTransformerSpec;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An InputTransformer: variables read by JSONPath, substituted into the template as AWS documents
 * (EventBridge User Guide, "Amazon EventBridge input transformation",
 * https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-transform-target-input.html, and the
 * API reference's InputTransformer):
 *
 * <ul>
 *   <li>In a JSON template (an object or array), a placeholder outside quotes takes the value as
 *       JSON: a string is inserted quoted ({@code {"state": <state>}} → {@code {"state":
 *       "RUNNING"}}); the output is minified.
 *   <li>Inside quotes, and anywhere in a string template, a string is inserted as its text, not
 *       escaped ("EventBridge does not escape values extracted by Input Path"); {@code "instance
 *       <instance> is in <state>"} gives {@code "instance i-0123 is in RUNNING"}, quotes kept.
 *   <li>The reserved variables {@code aws.events.rule-arn}, {@code aws.events.rule-name}, {@code
 *       aws.events.event.ingestion-time}, {@code aws.events.event} (the event without {@code
 *       detail}) and {@code aws.events.event.json} (the whole event).
 *   <li>A path the event lacks creates no variable: here it renders as {@code null} in JSON context
 *       and as nothing in text (a choice: the guide does not say what the placeholder becomes).
 * </ul>
 */
final class InputTemplate {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String RULE_ARN = "aws.events.rule-arn";
  private static final String RULE_NAME = "aws.events.rule-name";
  private static final String INGESTION_TIME = "aws.events.event.ingestion-time";
  private static final String EVENT = "aws.events.event";
  private static final String EVENT_JSON = "aws.events.event.json";
  private static final Set<String> RESERVED =
      Set.of(RULE_ARN, RULE_NAME, INGESTION_TIME, EVENT, EVENT_JSON);

  private record Segment(String literal, String variable, boolean asJson) {}

  private final Map<String, JsonPath> paths = new LinkedHashMap<>();
  private final List<Segment> segments = new ArrayList<>();
  private final boolean jsonTemplate;

  InputTemplate(String targetId, InputTransformerSpec spec) {
    if (spec.inputPathsMap().size() > 100) {
      throw EventBridgeException.validation(
          "InputPathsMap of target " + targetId + " has more than 100 entries");
    }
    spec.inputPathsMap()
        .forEach(
            (name, path) -> {
              if (!name.matches("[A-Za-z0-9_\\-]+") || RESERVED.contains(name)) {
                throw EventBridgeException.validation(
                    "InputPathsMap key '" + name + "' of target " + targetId + " is not allowed");
              }
              try {
                paths.put(name, JsonPath.parse(path));
              } catch (IllegalArgumentException e) {
                throw EventBridgeException.validation(
                    "InputPathsMap of target " + targetId + ": " + e.getMessage());
              }
            });
    String template = spec.inputTemplate();
    String trimmed = template.strip();
    this.jsonTemplate = trimmed.startsWith("{") || trimmed.startsWith("[");
    parse(template);
    if (jsonTemplate) {
      try {
        JSON.readTree(render(name -> null));
      } catch (JsonProcessingException e) {
        throw EventBridgeException.validation(
            "InputTemplate of target "
                + targetId
                + " is not valid JSON: "
                + e.getOriginalMessage());
      }
    }
  }

  private void parse(String template) {
    StringBuilder literal = new StringBuilder();
    boolean inString = false;
    boolean escaped = false;
    int i = 0;
    while (i < template.length()) {
      char c = template.charAt(i);
      if (c == '<') {
        int end = template.indexOf('>', i);
        String name = end < 0 ? "" : template.substring(i + 1, end);
        if (paths.containsKey(name) || RESERVED.contains(name)) {
          segments.add(new Segment(literal.toString(), null, false));
          literal.setLength(0);
          segments.add(new Segment(null, name, jsonTemplate && !inString));
          i = end + 1;
          escaped = false;
          continue;
        }
      }
      if (inString && escaped) {
        escaped = false;
      } else if (inString && c == '\\') {
        escaped = true;
      } else if (c == '"') {
        inString = !inString;
      }
      literal.append(c);
      i++;
    }
    segments.add(new Segment(literal.toString(), null, false));
  }

  /**
   * The target's input for this event.
   *
   * @throws RenderException when a JSON template does not give JSON for this event
   */
  String render(RenderContext context) {
    String output = render(name -> value(name, context));
    if (!jsonTemplate) {
      return output;
    }
    try {
      return JSON.writeValueAsString(JSON.readTree(output));
    } catch (JsonProcessingException e) {
      throw new RenderException(
          "INVALID_JSON", "InputTemplate output is not valid JSON: " + e.getOriginalMessage());
    }
  }

  private String render(java.util.function.Function<String, JsonNode> values) {
    StringBuilder out = new StringBuilder();
    for (Segment segment : segments) {
      if (segment.variable() == null) {
        out.append(segment.literal());
        continue;
      }
      JsonNode value = values.apply(segment.variable());
      if (segment.asJson()) {
        out.append(value == null ? "null" : value.toString());
      } else if (value != null) {
        out.append(value.isTextual() ? value.asText() : value.toString());
      }
    }
    return out.toString();
  }

  private JsonNode value(String name, RenderContext context) {
    switch (name) {
      case RULE_ARN:
        return TextNode.valueOf(context.ruleArn());
      case RULE_NAME:
        return TextNode.valueOf(context.ruleName());
      case INGESTION_TIME:
        return TextNode.valueOf(
            DateTimeFormatter.ISO_INSTANT.format(
                context.ingested().truncatedTo(ChronoUnit.MILLIS)));
      case EVENT:
        ObjectNode withoutDetail = context.event().deepCopy();
        withoutDetail.remove("detail");
        return withoutDetail;
      case EVENT_JSON:
        return context.event();
      default:
        return paths.get(name).read(context.event());
    }
  }
}
