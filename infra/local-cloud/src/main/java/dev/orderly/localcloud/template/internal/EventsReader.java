package dev.orderly.localcloud.template.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import dev.orderly.localcloud.template.EventBusSpec;
import dev.orderly.localcloud.template.ResourceKind;
import dev.orderly.localcloud.template.ResourceRef;
import dev.orderly.localcloud.template.RuleSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code AWS::Events::EventBus} (Name; Description, Tags accepted) and {@code
 * AWS::Events::Rule}: Name, Description, EventBusName, EventPattern, State, Targets (Id, Arn,
 * Input, InputPath, InputTransformer, RetryPolicy, DeadLetterConfig; RoleArn accepted). Schedules
 * are not supported.
 */
final class EventsReader {
  private static final Set<ResourceKind> TARGET_KINDS =
      ResourceIndex.kinds(
          ResourceKind.QUEUE,
          ResourceKind.FUNCTION,
          ResourceKind.STATE_MACHINE,
          ResourceKind.EVENT_BUS);

  private EventsReader() {}

  static EventBusSpec bus(RawResource r, TemplateContext context) {
    Identity identity = context.identity(r.logicalId(), r.where());
    Props p = Props.of(context.resolveProperties(r), r.where());
    p.accept("Name", "Description", "Tags");
    p.done();
    return new EventBusSpec(r.logicalId(), identity.name(), identity.arn());
  }

  static RuleSpec rule(RawResource r, TemplateContext context) {
    Identity identity = context.identity(r.logicalId(), r.where());
    Props p = Props.of(context.resolveProperties(r), r.where());
    p.accept("Name", "Description", "RoleArn");
    String busName = Identities.busName(p.string("EventBusName").orElse("default"));
    Optional<String> busLogicalId =
        busName.equals("default")
            ? Optional.empty()
            : Optional.of(
                context
                    .find(
                        busName,
                        ResourceIndex.kinds(ResourceKind.EVENT_BUS),
                        p.where("EventBusName"),
                        "bus")
                    .logicalId());
    String pattern =
        EventPatterns.read(
            p.node("EventPattern").orElseThrow(() -> p.where("EventPattern").fail("is required")),
            p.where("EventPattern"));
    boolean enabled = p.oneOf("State", "ENABLED", "ENABLED", "DISABLED").equals("ENABLED");
    List<RuleSpec.Target> targets = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (Props t : p.objects("Targets")) {
      RuleSpec.Target target = target(t, context);
      if (!ids.add(target.id())) {
        throw t.where("Id").fail("target id " + target.id() + " is used twice");
      }
      targets.add(target);
    }
    if (targets.size() > 5) {
      throw p.where("Targets").fail("a rule has at most 5 targets");
    }
    p.done();
    return new RuleSpec(
        r.logicalId(),
        identity.name(),
        identity.arn(),
        busName,
        busLogicalId,
        pattern,
        enabled,
        targets);
  }

  private static RuleSpec.Target target(Props t, TemplateContext context) {
    t.accept("RoleArn");
    String id = t.requiredString("Id");
    ResourceRef resource =
        context.find(t.requiredString("Arn"), TARGET_KINDS, t.where("Arn"), "target");
    Optional<String> input = t.string("Input");
    input.ifPresent(
        json -> {
          try {
            JsonNode parsed =
                Json.MAPPER
                    .reader()
                    .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .readTree(json);
            if (parsed == null || parsed.isMissingNode()) {
              throw t.where("Input").fail("is not valid JSON: it is empty");
            }
          } catch (JsonProcessingException e) {
            throw t.where("Input").fail("is not valid JSON: " + e.getOriginalMessage());
          }
        });
    Optional<String> inputPath = t.string("InputPath");
    Optional<RuleSpec.InputTransformer> transformer =
        t.object("InputTransformer")
            .map(
                x -> {
                  var paths = x.stringMap("InputPathsMap");
                  String template = x.requiredString("InputTemplate");
                  x.done();
                  return new RuleSpec.InputTransformer(paths, template);
                });
    if (java.util.stream.Stream.of(input, inputPath, transformer)
            .filter(Optional::isPresent)
            .count()
        > 1) {
      throw t.where().fail("at most one of Input, InputPath and InputTransformer");
    }
    RuleSpec.RetryPolicy retry =
        t.object("RetryPolicy")
            .map(
                x -> {
                  int attempts =
                      x.integer(
                          "MaximumRetryAttempts",
                          RuleSpec.RetryPolicy.DEFAULT.maximumRetryAttempts(),
                          0,
                          185);
                  int age =
                      x.integer(
                          "MaximumEventAgeInSeconds",
                          RuleSpec.RetryPolicy.DEFAULT.maximumEventAgeInSeconds(),
                          60,
                          86_400);
                  x.done();
                  return new RuleSpec.RetryPolicy(attempts, age);
                })
            .orElse(RuleSpec.RetryPolicy.DEFAULT);
    Optional<ResourceRef> deadLetter =
        t.object("DeadLetterConfig")
            .map(
                x -> {
                  ResourceRef queue =
                      context.find(
                          x.requiredString("Arn"),
                          ResourceIndex.kinds(ResourceKind.QUEUE),
                          x.where("Arn"),
                          "dead-letter queue");
                  x.done();
                  return queue;
                });
    if (t.has("SqsParameters")) {
      throw t.where("SqsParameters")
          .fail("is not supported by the local cloud (its EventBridge sends to no FIFO queue)");
    }
    t.done();
    return new RuleSpec.Target(id, resource, input, inputPath, transformer, retry, deadLetter);
  }
}
