package dev.orderly.localcloud.events.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderly.localcloud.events.EventBridgeException;
import dev.orderly.localcloud.events.TargetSpec;
import dev.orderly.localcloud.events.internal.Bus;
import dev.orderly.localcloud.events.internal.EventBridgeService;
import dev.orderly.localcloud.events.internal.PutEventsEntry;
import dev.orderly.localcloud.events.internal.PutEventsResult;
import dev.orderly.localcloud.events.internal.Rule;
import dev.orderly.localcloud.events.internal.Target;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The EventBridge JSON API (AWS JSON 1.1, {@code X-Amz-Target: AWSEvents.<Operation>}) over the
 * service: members named as the API reference names them, timestamps as epoch seconds.
 */
public final class EventsApi {
  private static final String PREFIX = "AWSEvents.";
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final EventBridgeService service;
  private final Map<String, UnaryOperator<ObjectNode>> operations = new HashMap<>();

  public EventsApi(EventBridgeService service) {
    this.service = service;
    operations.put("PutEvents", this::putEvents);
    operations.put("ListRules", this::listRules);
    operations.put("DescribeRule", this::describeRule);
    operations.put("ListTargetsByRule", this::listTargetsByRule);
    operations.put("DescribeEventBus", this::describeEventBus);
    operations.put("ListEventBuses", this::listEventBuses);
    operations.put("CreateEventBus", this::createEventBus);
    operations.put("PutRule", this::putRule);
    operations.put("PutTargets", this::putTargets);
  }

  public ObjectNode dispatch(String target, ObjectNode request) {
    UnaryOperator<ObjectNode> operation =
        target != null && target.startsWith(PREFIX)
            ? operations.get(target.substring(PREFIX.length()))
            : null;
    if (operation == null) {
      throw new EventBridgeException(
          "UnknownOperationException",
          "Operation " + target + " is not supported by the local EventBridge");
    }
    return operation.apply(request);
  }

  private static String required(JsonNode request, String member) {
    String value = optional(request, member);
    if (value == null) {
      throw EventBridgeException.validation(
          "1 validation error detected: Value null at '"
              + member
              + "' failed to satisfy constraint: Member must not be null");
    }
    return value;
  }

  private static String optional(JsonNode request, String member) {
    JsonNode value = request.get(member);
    return value == null || value.isNull() ? null : value.asText();
  }

  private ObjectNode putEvents(ObjectNode request) {
    List<PutEventsEntry> entries = new ArrayList<>();
    for (JsonNode entry : request.path("Entries")) {
      List<String> resources = new ArrayList<>();
      entry.path("Resources").forEach(resource -> resources.add(resource.asText()));
      JsonNode time = entry.get("Time");
      entries.add(
          new PutEventsEntry(
              optional(entry, "Source"),
              optional(entry, "DetailType"),
              optional(entry, "Detail"),
              resources,
              time == null || time.isNull() ? null : instant(time),
              optional(entry, "EventBusName")));
    }
    List<PutEventsResult> results = service.putEvents(entries);
    ObjectNode response = NODES.objectNode();
    ArrayNode array = response.putArray("Entries");
    int failed = 0;
    for (PutEventsResult result : results) {
      ObjectNode item = array.addObject();
      if (result.failed()) {
        failed++;
        item.put("ErrorCode", result.errorCode()).put("ErrorMessage", result.errorMessage());
      } else {
        item.put("EventId", result.eventId());
      }
    }
    response.put("FailedEntryCount", failed);
    return response;
  }

  private static Instant instant(JsonNode time) {
    if (time.isNumber()) {
      return Instant.ofEpochMilli(Math.round(time.asDouble() * 1000));
    }
    return Instant.parse(time.asText());
  }

  private ObjectNode listRules(ObjectNode request) {
    Bus bus = service.bus(optional(request, "EventBusName"));
    String prefix = optional(request, "NamePrefix");
    List<ObjectNode> items = new ArrayList<>();
    for (Rule rule : bus.rules()) {
      if (prefix == null || rule.name().startsWith(prefix)) {
        items.add(describe(rule));
      }
    }
    return Pages.page(request, items, "Rules");
  }

  private ObjectNode describeRule(ObjectNode request) {
    Bus bus = service.bus(optional(request, "EventBusName"));
    return describe(service.rule(bus, required(request, "Name")));
  }

  private static ObjectNode describe(Rule rule) {
    ObjectNode item =
        NODES
            .objectNode()
            .put("Name", rule.name())
            .put("Arn", rule.arn())
            .put("EventPattern", rule.eventPattern())
            .put("State", rule.state())
            .put("EventBusName", rule.busName());
    if (rule.description() != null) {
      item.put("Description", rule.description());
    }
    return item;
  }

  private ObjectNode listTargetsByRule(ObjectNode request) {
    Bus bus = service.bus(optional(request, "EventBusName"));
    Rule rule = service.rule(bus, required(request, "Rule"));
    List<ObjectNode> items = new ArrayList<>();
    for (Target target : rule.targets().values()) {
      items.add(TargetJson.write(target.spec()));
    }
    return Pages.page(request, items, "Targets");
  }

  private ObjectNode describeEventBus(ObjectNode request) {
    Bus bus = service.bus(optional(request, "Name"));
    return NODES.objectNode().put("Name", bus.name()).put("Arn", bus.arn());
  }

  private ObjectNode listEventBuses(ObjectNode request) {
    String prefix = optional(request, "NamePrefix");
    List<ObjectNode> items = new ArrayList<>();
    for (Bus bus : service.buses()) {
      if (prefix == null || bus.name().startsWith(prefix)) {
        items.add(NODES.objectNode().put("Name", bus.name()).put("Arn", bus.arn()));
      }
    }
    return Pages.page(request, items, "EventBuses");
  }

  private ObjectNode createEventBus(ObjectNode request) {
    if (request.hasNonNull("EventSourceName")) {
      throw EventBridgeException.validation("Partner event sources are not supported locally");
    }
    return NODES
        .objectNode()
        .put("EventBusArn", service.createBus(required(request, "Name")).arn());
  }

  private ObjectNode putRule(ObjectNode request) {
    if (request.hasNonNull("ScheduleExpression")) {
      throw EventBridgeException.validation("ScheduleExpression is not supported locally");
    }
    Rule rule =
        service.putRule(
            optional(request, "EventBusName"),
            required(request, "Name"),
            required(request, "EventPattern"),
            optional(request, "State"),
            optional(request, "Description"));
    return NODES.objectNode().put("RuleArn", rule.arn());
  }

  private ObjectNode putTargets(ObjectNode request) {
    List<TargetSpec> targets = new ArrayList<>();
    for (JsonNode target : request.path("Targets")) {
      targets.add(TargetJson.read(target));
    }
    service.putTargets(optional(request, "EventBusName"), required(request, "Rule"), targets);
    ObjectNode response = NODES.objectNode().put("FailedEntryCount", 0);
    response.putArray("FailedEntries");
    return response;
  }
}
