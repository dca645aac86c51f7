package dev.orderly.localcloud.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The {@code AWS::Events::Rule} resources of the repository's template.yaml as {@link RuleSpec}s,
 * queue ARNs named by a function of the queue's logical id — so the routing tests follow the
 * template.
 */
final class TemplateRules {
  private TemplateRules() {}

  static JsonNode template() {
    Path path = Path.of(System.getProperty("orderly.repository", "../.."), "template.yaml");
    try {
      return new ObjectMapper(new YAMLFactory()).readTree(path.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<RuleSpec> rules(String busName, UnaryOperator<String> queueArnOfLogicalId) {
    ObjectMapper json = new ObjectMapper();
    List<RuleSpec> rules = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> resources = template().path("Resources").fields();
    while (resources.hasNext()) {
      Map.Entry<String, JsonNode> resource = resources.next();
      if (!"AWS::Events::Rule".equals(resource.getValue().path("Type").asText())) {
        continue;
      }
      JsonNode properties = resource.getValue().path("Properties");
      List<TargetSpec> targets = new ArrayList<>();
      for (JsonNode target : properties.path("Targets")) {
        JsonNode retry = target.path("RetryPolicy");
        targets.add(
            new TargetSpec(
                target.path("Id").asText(),
                queueArnOfLogicalId.apply(target.at("/Arn/Fn::GetAtt/0").asText()),
                null,
                null,
                new RetryPolicy(
                    retry.path("MaximumRetryAttempts").asInt(),
                    retry.path("MaximumEventAgeInSeconds").asInt()),
                queueArnOfLogicalId.apply(
                    target.at("/DeadLetterConfig/Arn/Fn::GetAtt/0").asText())));
      }
      try {
        rules.add(
            new RuleSpec(
                resource.getKey(),
                busName,
                json.writeValueAsString(properties.path("EventPattern")),
                targets));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return rules;
  }
}
