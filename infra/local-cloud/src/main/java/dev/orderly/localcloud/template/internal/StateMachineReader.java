package dev.orderly.localcloud.template.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.orderly.localcloud.template.StateMachineSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Reads an {@code AWS::Serverless::StateMachine}. Supported: Name, Type, DefinitionUri (a file
 * relative to the template's directory) or Definition, DefinitionSubstitutions (every {@code
 * ${Key}} of the definition replaced by the key's value, as CloudFormation does; other {@code
 * ${..}} stay), Logging (Level, IncludeExecutionData; Destinations accepted), Tracing.Enabled,
 * Events (EventBridgeRule, through {@link SamEvents}); accepted without effect: Policies, Role,
 * PermissionsBoundary, Tags.
 */
final class StateMachineReader {
  private StateMachineReader() {}

  static StateMachineSpec read(RawResource r, TemplateContext context) {
    Identity identity = context.identity(r.logicalId(), r.where());
    Props p = Props.of(context.resolveProperties(r), r.where());
    p.accept("Name", "Policies", "Role", "PermissionsBoundary", "Tags", "Events");
    String type = p.oneOf("Type", "STANDARD", "STANDARD", "EXPRESS");
    Optional<String> uri = p.string("DefinitionUri");
    Optional<JsonNode> inline = p.node("Definition");
    if (uri.isPresent() == inline.isPresent()) {
      throw p.where().fail("needs exactly one of DefinitionUri and Definition");
    }
    String definition =
        uri.isPresent()
            ? readFile(context.baseDirectory(), uri.get(), p.where("DefinitionUri"))
            : Json.compact(inline.get());
    Map<String, String> substitutions = p.stringMap("DefinitionSubstitutions");
    for (Map.Entry<String, String> s : substitutions.entrySet()) {
      definition = definition.replace("${" + s.getKey() + "}", s.getValue());
    }
    checkJson(definition, p.where(uri.isPresent() ? "DefinitionUri" : "Definition"));
    String level = "OFF";
    boolean includeData = false;
    Optional<Props> logging = p.object("Logging");
    if (logging.isPresent()) {
      level = logging.get().oneOf("Level", "OFF", "ALL", "ERROR", "FATAL", "OFF");
      includeData = logging.get().bool("IncludeExecutionData", false);
      logging.get().accept("Destinations");
      logging.get().done();
    }
    boolean tracing = false;
    Optional<Props> tracingProps = p.object("Tracing");
    if (tracingProps.isPresent()) {
      tracing = tracingProps.get().bool("Enabled", false);
      tracingProps.get().done();
    }
    p.done();
    return new StateMachineSpec(
        r.logicalId(),
        identity.name(),
        identity.arn(),
        type,
        definition,
        level,
        includeData,
        tracing);
  }

  private static String readFile(Path baseDirectory, String uri, Where where) {
    if (uri.startsWith("s3://")) {
      throw where.fail("an S3 location is not supported by the local cloud: " + uri);
    }
    Path file = baseDirectory.resolve(uri).normalize();
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw where.fail("cannot read " + file + ": " + e);
    }
  }

  private static void checkJson(String definition, Where where) {
    try {
      JsonNode tree = Json.MAPPER.readTree(definition);
      if (tree == null || !tree.isObject()) {
        throw where.fail("the definition is not a JSON object");
      }
    } catch (JsonProcessingException e) {
      throw where.fail(
          "the definition is not valid JSON after DefinitionSubstitutions: "
              + e.getOriginalMessage());
    }
  }
}
