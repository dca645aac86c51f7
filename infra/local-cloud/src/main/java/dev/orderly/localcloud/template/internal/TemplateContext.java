package dev.orderly.localcloud.template.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.orderly.localcloud.template.ResourceKind;
import dev.orderly.localcloud.template.ResourceRef;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The template being read: parameters, conditions, the raw resources and, on demand, each
 * resource's identity. It is what Ref and Fn::GetAtt resolve against.
 */
final class TemplateContext implements Intrinsics.Symbols {
  private final Naming naming;
  private final Path baseDirectory;
  private final Parameters parameters;
  private final Conditions conditions;
  private final Map<String, RawResource> resources;
  private final Intrinsics intrinsics;
  private final Identities identities;
  private final Map<String, Identity> known = new HashMap<>();
  private final Set<String> identifying = new LinkedHashSet<>();
  private final ResourceIndex index = new ResourceIndex();

  TemplateContext(
      Naming naming,
      Path baseDirectory,
      Parameters parameters,
      JsonNode conditionsSection,
      Map<String, RawResource> resources) {
    this.naming = naming;
    this.baseDirectory = baseDirectory;
    this.parameters = parameters;
    this.resources = resources;
    this.conditions = new Conditions(conditionsSection, this::parameterRef);
    this.intrinsics = new Intrinsics(this);
    this.identities = new Identities(naming, this::scalarProperty);
  }

  Naming naming() {
    return naming;
  }

  Path baseDirectory() {
    return baseDirectory;
  }

  Parameters parameters() {
    return parameters;
  }

  Conditions conditions() {
    return conditions;
  }

  /** Whether the resource is created: it has no Condition, or its Condition is true. */
  boolean active(RawResource resource) {
    return resource
        .condition()
        .map(c -> conditions.value(c, resource.where().at("Condition")))
        .orElse(true);
  }

  /**
   * The resource's properties with every intrinsic resolved, and then every dynamic reference
   * ({@code {{resolve:ssm:name}}}) replaced by the local SSM parameter's value.
   */
  JsonNode resolveProperties(RawResource resource) {
    return DynamicReferences.resolve(
        intrinsics.resolve(resource.properties(), resource.where()),
        resource.where(),
        naming.settings().ssmParameters());
  }

  /** Any part of the template resolved (null for AWS::NoValue). */
  JsonNode resolve(JsonNode node, Where where) {
    return intrinsics.resolve(node, where);
  }

  /** Identifies every created resource (failing on a reference cycle) and indexes them. */
  void identifyAll() {
    for (RawResource resource : resources.values()) {
      if (active(resource)) {
        index.add(identity(resource.logicalId(), resource.where()));
      }
    }
  }

  ResourceRef find(String value, Set<ResourceKind> kinds, Where where, String what) {
    return index.find(value, kinds, where, what);
  }

  Identity identity(String logicalId, Where where) {
    Identity identity = known.get(logicalId);
    if (identity != null) {
      return identity;
    }
    RawResource resource = resources.get(logicalId);
    if (resource == null) {
      throw where.fail(logicalId + " is neither a parameter nor a resource of the template");
    }
    if (!active(resource)) {
      throw where.fail(
          "refers to "
              + logicalId
              + ", which is not created: its condition "
              + resource.condition().orElseThrow()
              + " is false");
    }
    if (!identifying.add(logicalId)) {
      List<String> cycle = new ArrayList<>(identifying);
      cycle.add(logicalId);
      throw where.fail("circular reference: " + String.join(" -> ", cycle));
    }
    identity = identities.identify(resource);
    identifying.remove(logicalId);
    known.put(logicalId, identity);
    return identity;
  }

  private Optional<String> scalarProperty(RawResource resource, String property) {
    JsonNode raw = resource.properties().get(property);
    if (raw == null) {
      return Optional.empty();
    }
    Where where = resource.where().at(property);
    JsonNode value = intrinsics.resolve(raw, where);
    return value == null || value.isNull()
        ? Optional.empty()
        : Optional.of(Json.scalar(value, where));
  }

  @Override
  public JsonNode ref(String name, Where where) {
    Optional<JsonNode> value = parameterOrPseudo(name);
    if (value.isPresent()) {
      return value.get();
    }
    return identity(name, where).ref();
  }

  @Override
  public String getAtt(String logicalId, String attribute, Where where) {
    Identity identity = identity(logicalId, where);
    String value = identity.attributes().get(attribute);
    if (value == null) {
      if (attribute.equals("StreamArn") && identity.kind() == ResourceKind.TABLE) {
        throw where.fail(logicalId + " has no StreamArn: it has no StreamSpecification");
      }
      throw where.fail(
          logicalId
              + " ("
              + identity.type()
              + ") has no attribute "
              + attribute
              + " the local cloud knows; it knows "
              + new java.util.TreeSet<>(identity.attributes().keySet()));
    }
    return value;
  }

  @Override
  public boolean condition(String name, Where where) {
    return conditions.value(name, where);
  }

  private Optional<JsonNode> parameterOrPseudo(String name) {
    Optional<JsonNode> parameter = parameters.value(name);
    if (parameter.isPresent()) {
      return parameter;
    }
    switch (name) {
      case "AWS::Region":
        return text(naming.settings().region());
      case "AWS::AccountId":
        return text(naming.settings().accountId());
      case "AWS::Partition":
        return text(naming.partition());
      case "AWS::URLSuffix":
        return text(naming.urlSuffix());
      case "AWS::StackName":
        return text(naming.settings().stackName());
      case "AWS::StackId":
        return text(naming.stackId());
      case "AWS::NotificationARNs":
        return Optional.of(Json.MAPPER.createArrayNode());
      default:
        return Optional.empty();
    }
  }

  private static Optional<JsonNode> text(String value) {
    return Optional.of(TextNode.valueOf(value));
  }

  /** What conditions may refer to: parameters and pseudo parameters only. */
  private JsonNode parameterRef(String name, Where where) {
    return parameterOrPseudo(name)
        .orElseThrow(
            () ->
                where.fail(
                    resources.containsKey(name)
                        ? "a condition cannot refer to resource " + name
                        : name + " is not a parameter of the template"));
  }
}
