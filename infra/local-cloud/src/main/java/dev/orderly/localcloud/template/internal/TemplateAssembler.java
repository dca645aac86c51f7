package dev.orderly.localcloud.template.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderly.localcloud.template.EventBusSpec;
import dev.orderly.localcloud.template.EventSourceMappingSpec;
import dev.orderly.localcloud.template.FunctionSpec;
import dev.orderly.localcloud.template.HttpApiSpec;
import dev.orderly.localcloud.template.IgnoredResource;
import dev.orderly.localcloud.template.LocalSettings;
import dev.orderly.localcloud.template.LocalTemplate;
import dev.orderly.localcloud.template.QueueSpec;
import dev.orderly.localcloud.template.RuleSpec;
import dev.orderly.localcloud.template.StateMachineSpec;
import dev.orderly.localcloud.template.TableSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a whole template: sections, parameters, Globals, SAM events, conditions, identities, then
 * every created resource by type, the routes of the HTTP APIs and the outputs.
 */
public final class TemplateAssembler {
  private static final String SAM_TRANSFORM = "AWS::Serverless-2016-10-31";

  private final Map<String, FunctionSpec> functions = new LinkedHashMap<>();
  private final Map<String, HttpApiReader> apis = new LinkedHashMap<>();
  private final List<FunctionReader.HttpEvent> httpEvents = new ArrayList<>();
  private final Map<String, TableSpec> tables = new LinkedHashMap<>();
  private final Map<String, QueueSpec> queues = new LinkedHashMap<>();
  private final Map<String, EventBusSpec> buses = new LinkedHashMap<>();
  private final Map<String, RuleSpec> rules = new LinkedHashMap<>();
  private final Map<String, StateMachineSpec> stateMachines = new LinkedHashMap<>();
  private final Map<String, EventSourceMappingSpec> mappings = new LinkedHashMap<>();
  private final List<IgnoredResource> ignored = new ArrayList<>();
  private final Map<String, String> skipped = new LinkedHashMap<>();

  private TemplateAssembler() {}

  /** Reads the template text; DefinitionUri and the like resolve against baseDirectory. */
  public static LocalTemplate read(
      String yaml,
      String sourceName,
      Path baseDirectory,
      Map<String, String> parameterOverrides,
      LocalSettings settings) {
    return new TemplateAssembler()
        .assemble(yaml, sourceName, baseDirectory, parameterOverrides, settings);
  }

  private LocalTemplate assemble(
      String yaml,
      String sourceName,
      Path baseDirectory,
      Map<String, String> overrides,
      LocalSettings settings) {
    JsonNode root = new YamlLoader().load(yaml, sourceName);
    Props template = Props.of(root, Where.of("Template"));
    template.accept("Description", "Metadata");
    template
        .string("AWSTemplateFormatVersion")
        .ifPresent(
            v -> {
              if (!v.equals("2010-09-09")) {
                throw template.where("AWSTemplateFormatVersion").fail("must be 2010-09-09");
              }
            });
    boolean sam =
        template
            .node("Transform")
            .map(t -> transform(t, template.where("Transform")))
            .orElse(false);
    Parameters parameters = Parameters.resolve(template.node("Parameters").orElse(null), overrides);
    Globals globals = Globals.of(template.node("Globals").orElse(null));
    JsonNode conditions = template.node("Conditions").orElse(null);
    Map<String, RawResource> raw = rawResources(template.requiredObject("Resources"), globals, sam);
    JsonNode outputs = template.node("Outputs").orElse(null);
    template.done();

    Map<String, RawResource> resources = SamEvents.expand(raw, globals);
    TemplateContext context =
        new TemplateContext(new Naming(settings), baseDirectory, parameters, conditions, resources);
    context.conditions().evaluateAll();
    context.identifyAll();
    for (RawResource r : resources.values()) {
      if (context.active(r)) {
        readResource(r, context);
      } else {
        skipped.put(r.logicalId(), r.condition().orElseThrow());
      }
    }
    Map<String, HttpApiSpec> httpApis = new LinkedHashMap<>();
    for (HttpApiReader api : apis.values()) {
      List<FunctionReader.HttpEvent> routes = new ArrayList<>();
      httpEvents.stream()
          .filter(e -> e.apiLogicalId().equals(api.logicalId()))
          .forEach(routes::add);
      httpApis.put(api.logicalId(), api.build(routes));
    }
    return new LocalTemplate(
        parameters.display(),
        functions,
        httpApis,
        tables,
        queues,
        buses,
        rules,
        stateMachines,
        mappings,
        ignored,
        skipped,
        outputs(outputs, context));
  }

  private static boolean transform(JsonNode node, Where where) {
    List<String> transforms = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(t -> transforms.add(Json.scalar(t, where)));
    } else {
      transforms.add(Json.scalar(node, where));
    }
    for (String t : transforms) {
      if (!t.equals(SAM_TRANSFORM)) {
        throw where.fail("transform " + t + " is not supported by the local cloud");
      }
    }
    return !transforms.isEmpty();
  }

  private static Map<String, RawResource> rawResources(
      Props section, Globals globals, boolean sam) {
    Map<String, RawResource> raw = new LinkedHashMap<>();
    for (String logicalId : section.keys()) {
      Where where = Where.of(logicalId);
      if (!logicalId.matches("[A-Za-z0-9]+")) {
        throw where.fail("a logical id is alphanumeric");
      }
      Props resource = Props.of(section.node(logicalId).orElse(null), where);
      String type = resource.requiredString("Type");
      if (!ResourceTypes.supported(type)) {
        throw where.fail("resource type " + type + " is not supported by the local cloud");
      }
      if (type.startsWith("AWS::Serverless::") && !sam) {
        throw where.fail(type + " needs Transform: " + SAM_TRANSFORM);
      }
      Optional<String> condition = resource.string("Condition");
      JsonNode properties = resource.node("Properties").orElseGet(Json.MAPPER::createObjectNode);
      if (!properties.isObject()) {
        throw where.at("Properties").fail("must be an object");
      }
      resource.accept("DependsOn", "DeletionPolicy", "UpdateReplacePolicy", "Metadata");
      resource.done();
      raw.put(
          logicalId,
          new RawResource(
              logicalId, type, condition, globals.apply(type, (ObjectNode) properties)));
    }
    return raw;
  }

  private void readResource(RawResource r, TemplateContext context) {
    String id = r.logicalId();
    switch (r.type()) {
      case ResourceTypes.FUNCTION:
        {
          FunctionReader.Result result = FunctionReader.read(r, context);
          functions.put(id, result.spec());
          httpEvents.addAll(result.httpEvents());
          return;
        }
      case ResourceTypes.HTTP_API:
        apis.put(id, new HttpApiReader(r, context));
        return;
      case ResourceTypes.STATE_MACHINE:
        stateMachines.put(id, StateMachineReader.read(r, context));
        return;
      case ResourceTypes.TABLE:
        tables.put(id, TableReader.read(r, context));
        return;
      case ResourceTypes.QUEUE:
        queues.put(id, QueueReader.read(r, context));
        return;
      case ResourceTypes.EVENT_BUS:
        buses.put(id, EventsReader.bus(r, context));
        return;
      case ResourceTypes.RULE:
        rules.put(id, EventsReader.rule(r, context));
        return;
      case ResourceTypes.EVENT_SOURCE_MAPPING:
        mappings.put(id, EventSourceMappingReader.read(r, context));
        return;
      default:
        // Accepted, not emulated: its references must still resolve.
        context.resolveProperties(r);
        ignored.add(new IgnoredResource(id, r.type(), context.identity(id, r.where()).name()));
    }
  }

  private static Map<String, String> outputs(JsonNode section, TemplateContext context) {
    Map<String, String> outputs = new LinkedHashMap<>();
    Props all = Props.of(section, Where.of("Outputs"));
    for (String name : all.keys()) {
      Props output = all.requiredObject(name);
      Where where = Where.of("Output " + name);
      output.accept("Description", "Export");
      Optional<String> condition = output.string("Condition");
      JsonNode value =
          output.node("Value").orElseThrow(() -> where.at("Value").fail("is required"));
      output.done();
      if (condition.isPresent()
          && !context.conditions().value(condition.get(), where.at("Condition"))) {
        continue;
      }
      JsonNode resolved = context.resolve(value, where.at("Value"));
      if (resolved == null) {
        continue;
      }
      if (resolved.isArray()) {
        List<String> parts = new ArrayList<>();
        resolved.forEach(v -> parts.add(Json.scalar(v, where.at("Value"))));
        outputs.put(name, String.join(",", parts));
      } else {
        outputs.put(name, Json.scalar(resolved, where.at("Value")));
      }
    }
    return outputs;
  }
}
