package dev.orderly.localcloud.template.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * SAM's event sources as the resources SAM generates for them: a function's SQS and DynamoDB events
 * become {@code AWS::Lambda::EventSourceMapping}s and its (or a state machine's) EventBridgeRule
 * events {@code AWS::Events::Rule}s, logical id {@code <Resource><Event>}, so that they are read
 * exactly as explicit ones. HttpApi events stay with the function; one without ApiId adds the
 * implicit {@code ServerlessHttpApi}.
 */
final class SamEvents {
  static final String IMPLICIT_API = "ServerlessHttpApi";

  private static final List<String> SQS_KEYS =
      List.of(
          "BatchSize",
          "MaximumBatchingWindowInSeconds",
          "FunctionResponseTypes",
          "ScalingConfig",
          "FilterCriteria",
          "Enabled");
  private static final List<String> DYNAMODB_KEYS =
      List.of(
          "StartingPosition",
          "BatchSize",
          "MaximumBatchingWindowInSeconds",
          "ParallelizationFactor",
          "MaximumRetryAttempts",
          "MaximumRecordAgeInSeconds",
          "BisectBatchOnFunctionError",
          "FunctionResponseTypes",
          "FilterCriteria",
          "DestinationConfig",
          "Enabled");
  private static final List<String> RULE_TARGET_KEYS =
      List.of("Input", "InputPath", "InputTransformer", "RetryPolicy", "DeadLetterConfig");

  private SamEvents() {}

  /** The resources plus those their events generate (and the implicit API if needed). */
  static Map<String, RawResource> expand(Map<String, RawResource> resources, Globals globals) {
    Map<String, RawResource> result = new LinkedHashMap<>(resources);
    boolean implicitApi = false;
    for (RawResource r : resources.values()) {
      boolean function = r.type().equals(ResourceTypes.FUNCTION);
      if (!function && !r.type().equals(ResourceTypes.STATE_MACHINE)) {
        continue;
      }
      JsonNode events = r.properties().get("Events");
      if (events == null) {
        continue;
      }
      Props all = Props.of(events, r.where().at("Events"));
      for (String name : all.keys()) {
        Props event = all.requiredObject(name);
        String type = event.requiredString("Type");
        Props props = event.requiredObject("Properties");
        event.done();
        String generatedId = r.logicalId() + name;
        Optional<ObjectNode> generated = Optional.empty();
        String generatedType = null;
        if (function && type.equals("HttpApi")) {
          implicitApi |= !props.has("ApiId");
        } else if (function && (type.equals("SQS") || type.equals("DynamoDB"))) {
          generated = Optional.of(mapping(r, type, props));
          generatedType = ResourceTypes.EVENT_SOURCE_MAPPING;
        } else if (type.equals("EventBridgeRule")) {
          generated = Optional.of(rule(r, name, props, function));
          generatedType = ResourceTypes.RULE;
        } else {
          throw event
              .where("Type")
              .fail("event type " + type + " is not supported by the local cloud");
        }
        if (generated.isPresent()) {
          if (result.containsKey(generatedId)) {
            throw event
                .where()
                .fail("SAM would generate " + generatedId + ", which already exists");
          }
          result.put(
              generatedId,
              new RawResource(generatedId, generatedType, r.condition(), generated.get()));
        }
      }
    }
    if (implicitApi && !result.containsKey(IMPLICIT_API)) {
      ObjectNode properties = globals.apply(ResourceTypes.HTTP_API, Json.MAPPER.createObjectNode());
      result.put(
          IMPLICIT_API,
          new RawResource(IMPLICIT_API, ResourceTypes.HTTP_API, Optional.empty(), properties));
    }
    return result;
  }

  private static ObjectNode mapping(RawResource function, String type, Props event) {
    ObjectNode out = Json.MAPPER.createObjectNode();
    out.set("FunctionName", ref(function.logicalId()));
    String source = type.equals("SQS") ? "Queue" : "Stream";
    out.set(
        "EventSourceArn",
        event.node(source).orElseThrow(() -> event.where(source).fail("is required")));
    for (String key : type.equals("SQS") ? SQS_KEYS : DYNAMODB_KEYS) {
      event.node(key).ifPresent(value -> out.set(key, value));
    }
    event.done();
    JsonNode onFailure = out.path("DestinationConfig").path("OnFailure");
    if (onFailure.isObject()) {
      ((ObjectNode) onFailure).remove("Type");
    }
    return out;
  }

  private static ObjectNode rule(
      RawResource owner, String eventName, Props event, boolean function) {
    ObjectNode out = Json.MAPPER.createObjectNode();
    event.node("EventBusName").ifPresent(v -> out.set("EventBusName", v));
    out.set(
        "EventPattern",
        event.node("Pattern").orElseThrow(() -> event.where("Pattern").fail("is required")));
    event.node("RuleName").ifPresent(v -> out.set("Name", v));
    event.node("State").ifPresent(v -> out.set("State", v));
    ObjectNode target = Json.MAPPER.createObjectNode();
    String defaultId =
        owner.logicalId() + eventName + (function ? "LambdaTarget" : "StepFunctionsTarget");
    Optional<Props> targetProps = event.object("Target");
    String id = targetProps.flatMap(t -> t.string("Id")).orElse(defaultId);
    targetProps.ifPresent(Props::done);
    target.put("Id", id);
    target.set(
        "Arn",
        function
            ? Json.MAPPER
                .createObjectNode()
                .set("Fn::GetAtt", Json.MAPPER.createArrayNode().add(owner.logicalId()).add("Arn"))
            : ref(owner.logicalId()));
    for (String key : RULE_TARGET_KEYS) {
      event.node(key).ifPresent(value -> target.set(key, value));
    }
    event.done();
    out.set("Targets", Json.MAPPER.createArrayNode().add(target));
    return out;
  }

  private static ObjectNode ref(String logicalId) {
    return Json.MAPPER.createObjectNode().put("Ref", logicalId);
  }
}
