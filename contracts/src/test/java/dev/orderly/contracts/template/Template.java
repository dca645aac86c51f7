package dev.orderly.contracts.template;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderly.contracts.Repository;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code template.yaml} read as plain YAML (as the local cloud reads it), with the questions the
 * contract tests ask of it: resources by type, the functions, which resource an intrinsic names.
 */
final class Template {
  static final Path FILE = Repository.path("template.yaml");
  static final String FUNCTION = "AWS::Serverless::Function";
  static final String QUEUE = "AWS::SQS::Queue";
  static final String TABLE = "AWS::DynamoDB::Table";
  static final String MAPPING = "AWS::Lambda::EventSourceMapping";
  static final String ALARM = "AWS::CloudWatch::Alarm";
  static final String RULE = "AWS::Events::Rule";
  static final String STATE_MACHINE = "AWS::Serverless::StateMachine";

  static final JsonNode ROOT = Repository.yaml(FILE);

  private Template() {}

  static JsonNode resources() {
    return ROOT.get("Resources");
  }

  static JsonNode resource(String logicalId) {
    JsonNode resource = resources().get(logicalId);
    if (resource == null) {
      throw new IllegalArgumentException("no resource " + logicalId);
    }
    return resource;
  }

  static String type(String logicalId) {
    return resource(logicalId).path("Type").asText();
  }

  /** The properties of every resource of {@code type}, by logical id, in template order. */
  static Map<String, JsonNode> ofType(String type) {
    Map<String, JsonNode> found = new LinkedHashMap<>();
    resources()
        .fields()
        .forEachRemaining(
            e -> {
              if (e.getValue().path("Type").asText().equals(type)) {
                found.put(e.getKey(), e.getValue().path("Properties"));
              }
            });
    return found;
  }

  static Map<String, JsonNode> functions() {
    return ofType(FUNCTION);
  }

  /** The logical id {@code {"Ref": X}} or {@code {"Fn::GetAtt": [X, ...]}} names, if either. */
  static Optional<String> target(JsonNode value) {
    if (value == null) {
      return Optional.empty();
    }
    if (value.has("Ref")) {
      return Optional.of(value.get("Ref").asText());
    }
    if (value.has("Fn::GetAtt")) {
      return Optional.of(value.get("Fn::GetAtt").get(0).asText());
    }
    return Optional.empty();
  }

  /** The HTTP API routes each function serves: {@code "POST /orders"}. */
  static Map<String, String> routes() {
    Map<String, String> routes = new LinkedHashMap<>();
    functions()
        .forEach(
            (id, properties) ->
                properties
                    .path("Events")
                    .forEach(
                        event -> {
                          if (event.path("Type").asText().equals("HttpApi")) {
                            JsonNode p = event.get("Properties");
                            routes.put(p.get("Method").asText() + " " + p.get("Path").asText(), id);
                          }
                        }));
    return routes;
  }

  /** Every IAM policy statement written in the template, with where it is. */
  static List<Statement> statements() {
    List<Statement> statements = new ArrayList<>();
    resources()
        .fields()
        .forEachRemaining(
            e -> {
              JsonNode properties = e.getValue().path("Properties");
              properties
                  .path("Policies")
                  .forEach(
                      policy ->
                          policy
                              .path("Statement")
                              .forEach(s -> statements.add(new Statement(e.getKey(), s))));
              properties
                  .path("PolicyDocument")
                  .path("Statement")
                  .forEach(s -> statements.add(new Statement(e.getKey(), s)));
            });
    return statements;
  }

  /** One policy statement and the resource that holds it. */
  record Statement(String holder, JsonNode statement) {
    List<String> actions() {
      return texts(statement.get("Action"));
    }

    List<JsonNode> resources() {
      JsonNode resource = statement.get("Resource");
      List<JsonNode> all = new ArrayList<>();
      if (resource != null && resource.isArray()) {
        resource.forEach(all::add);
      } else if (resource != null) {
        all.add(resource);
      }
      return all;
    }
  }

  static List<String> texts(JsonNode node) {
    List<String> texts = new ArrayList<>();
    if (node == null) {
      return texts;
    }
    if (node.isArray()) {
      node.forEach(n -> texts.add(n.asText()));
    } else {
      texts.add(node.asText());
    }
    return texts;
  }
}
