package dev.orderly.stepfunctions.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderly.stepfunctions.internal.interpreter.ExecutionResult;
import dev.orderly.stepfunctions.internal.interpreter.HistoryEvent;
import dev.orderly.stepfunctions.internal.service.ApiException;
import dev.orderly.stepfunctions.internal.service.Execution;
import dev.orderly.stepfunctions.internal.service.StateMachine;
import dev.orderly.stepfunctions.internal.service.StepFunctionsService;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The Step Functions JSON API (AWS JSON 1.0, {@code X-Amz-Target: AWSStepFunctions.<Operation>})
 * over the service: request and response members as the API reference names them, timestamps as
 * epoch seconds, pages by {@code nextToken}.
 */
public final class SfnApi {
  private static final String PREFIX = "AWSStepFunctions.";
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final StepFunctionsService service;
  private final Map<String, UnaryOperator<ObjectNode>> operations = new HashMap<>();

  public SfnApi(StepFunctionsService service) {
    this.service = service;
    operations.put("CreateStateMachine", this::createStateMachine);
    operations.put("UpdateStateMachine", this::updateStateMachine);
    operations.put("DeleteStateMachine", this::deleteStateMachine);
    operations.put("DescribeStateMachine", this::describeStateMachine);
    operations.put("ListStateMachines", this::listStateMachines);
    operations.put("StartExecution", this::startExecution);
    operations.put("StartSyncExecution", this::startSyncExecution);
    operations.put("DescribeExecution", this::describeExecution);
    operations.put("ListExecutions", this::listExecutions);
    operations.put("GetExecutionHistory", this::getExecutionHistory);
    operations.put("StopExecution", this::stopExecution);
    operations.put("SendTaskSuccess", this::sendTaskSuccess);
    operations.put("SendTaskFailure", this::sendTaskFailure);
    operations.put("SendTaskHeartbeat", this::sendTaskHeartbeat);
  }

  public ObjectNode dispatch(String target, ObjectNode request) {
    UnaryOperator<ObjectNode> operation =
        target != null && target.startsWith(PREFIX)
            ? operations.get(target.substring(PREFIX.length()))
            : null;
    if (operation == null) {
      throw new ApiException("UnknownOperationException", "Unknown operation " + target);
    }
    return operation.apply(request);
  }

  private static String required(ObjectNode request, String member) {
    JsonNode value = request.get(member);
    if (value == null || value.isNull()) {
      throw new ApiException(
          "ValidationException",
          "1 validation error detected: Value null at '"
              + member
              + "' failed to satisfy constraint: Member must not be null");
    }
    return value.asText();
  }

  private static String optional(ObjectNode request, String member) {
    JsonNode value = request.get(member);
    return value == null || value.isNull() ? null : value.asText();
  }

  static double epochSeconds(Instant instant) {
    return instant.toEpochMilli() / 1000.0;
  }

  private ObjectNode createStateMachine(ObjectNode request) {
    StateMachine machine =
        service.createStateMachine(
            required(request, "name"),
            required(request, "definition"),
            required(request, "roleArn"),
            optional(request, "type"));
    return NODES
        .objectNode()
        .put("stateMachineArn", machine.arn())
        .put("creationDate", epochSeconds(machine.creationDate()));
  }

  private ObjectNode updateStateMachine(ObjectNode request) {
    service.updateStateMachine(
        required(request, "stateMachineArn"),
        optional(request, "definition"),
        optional(request, "roleArn"));
    return NODES.objectNode().put("updateDate", epochSeconds(Instant.now()));
  }

  private ObjectNode deleteStateMachine(ObjectNode request) {
    service.deleteStateMachine(required(request, "stateMachineArn"));
    return NODES.objectNode();
  }

  private ObjectNode describeStateMachine(ObjectNode request) {
    StateMachine machine = service.stateMachine(required(request, "stateMachineArn"));
    ObjectNode response =
        NODES
            .objectNode()
            .put("stateMachineArn", machine.arn())
            .put("name", machine.name())
            .put("status", "ACTIVE")
            .put("definition", machine.definitionText())
            .put("roleArn", machine.roleArn())
            .put("type", machine.type())
            .put("creationDate", epochSeconds(machine.creationDate()));
    response
        .putObject("loggingConfiguration")
        .put("level", "OFF")
        .put("includeExecutionData", false);
    response.putObject("tracingConfiguration").put("enabled", false);
    return response;
  }

  private ObjectNode listStateMachines(ObjectNode request) {
    List<ObjectNode> items = new ArrayList<>();
    for (StateMachine machine : service.stateMachines()) {
      items.add(
          NODES
              .objectNode()
              .put("stateMachineArn", machine.arn())
              .put("name", machine.name())
              .put("type", machine.type())
              .put("creationDate", epochSeconds(machine.creationDate())));
    }
    return page(request, items, "stateMachines");
  }

  private ObjectNode startExecution(ObjectNode request) {
    Execution execution =
        service.startExecution(
            required(request, "stateMachineArn"),
            optional(request, "name"),
            optional(request, "input"));
    return NODES
        .objectNode()
        .put("executionArn", execution.arn())
        .put("startDate", epochSeconds(execution.startDate()));
  }

  private ObjectNode startSyncExecution(ObjectNode request) {
    Execution execution =
        service.startSyncExecution(
            required(request, "stateMachineArn"),
            optional(request, "name"),
            optional(request, "input"));
    ObjectNode response = description(execution);
    response
        .putObject("billingDetails")
        .put("billedMemoryUsedInMB", 64)
        .put("billedDurationInMilliseconds", 100);
    return response;
  }

  private ObjectNode describeExecution(ObjectNode request) {
    return description(service.execution(required(request, "executionArn")));
  }

  private static ObjectNode description(Execution execution) {
    ObjectNode response =
        NODES
            .objectNode()
            .put("executionArn", execution.arn())
            .put("stateMachineArn", execution.stateMachine().arn())
            .put("name", execution.name())
            .put("status", execution.status())
            .put("startDate", epochSeconds(execution.startDate()))
            .put("input", execution.inputText());
    response.putObject("inputDetails").put("included", true);
    ExecutionResult result = execution.result();
    if (result != null) {
      response.put("stopDate", epochSeconds(execution.stopDate()));
      if (result.output() != null) {
        response.put("output", result.output().toString());
        response.putObject("outputDetails").put("included", true);
      }
      if (result.error() != null) {
        response.put("error", result.error());
      }
      if (result.cause() != null) {
        response.put("cause", result.cause());
      }
    }
    return response;
  }

  private ObjectNode listExecutions(ObjectNode request) {
    List<ObjectNode> items = new ArrayList<>();
    for (Execution execution :
        service.executions(
            required(request, "stateMachineArn"), optional(request, "statusFilter"))) {
      ObjectNode item =
          NODES
              .objectNode()
              .put("executionArn", execution.arn())
              .put("stateMachineArn", execution.stateMachine().arn())
              .put("name", execution.name())
              .put("status", execution.status())
              .put("startDate", epochSeconds(execution.startDate()));
      if (execution.stopDate() != null) {
        item.put("stopDate", epochSeconds(execution.stopDate()));
      }
      items.add(item);
    }
    return page(request, items, "executions");
  }

  private ObjectNode getExecutionHistory(ObjectNode request) {
    Execution execution = service.execution(required(request, "executionArn"));
    boolean includeData =
        !request.has("includeExecutionData") || request.get("includeExecutionData").asBoolean();
    List<ObjectNode> events = new ArrayList<>();
    for (HistoryEvent event : execution.history()) {
      ObjectNode item =
          NODES
              .objectNode()
              .put("timestamp", epochSeconds(event.timestamp()))
              .put("type", event.type())
              .put("id", event.id())
              .put("previousEventId", event.id() - 1);
      if (event.details() != null) {
        ObjectNode details = event.details().deepCopy();
        for (String data : List.of("input", "output", "parameters")) {
          if (details.has(data)) {
            if (includeData) {
              details.put(data, details.get(data).toString());
              if (!data.equals("parameters")) {
                details.putObject(data + "Details").put("truncated", false);
              }
            } else {
              details.remove(data);
            }
          }
        }
        item.set(event.detailsMember(), details);
      }
      events.add(item);
    }
    if (request.path("reverseOrder").asBoolean(false)) {
      Collections.reverse(events);
    }
    return page(request, events, "events");
  }

  private ObjectNode stopExecution(ObjectNode request) {
    Execution execution =
        service.stopExecution(
            required(request, "executionArn"),
            optional(request, "error"),
            optional(request, "cause"));
    execution.completion().join();
    return NODES.objectNode().put("stopDate", epochSeconds(execution.stopDate()));
  }

  private ObjectNode sendTaskSuccess(ObjectNode request) {
    service.sendTaskSuccess(required(request, "taskToken"), required(request, "output"));
    return NODES.objectNode();
  }

  private ObjectNode sendTaskFailure(ObjectNode request) {
    service.sendTaskFailure(
        required(request, "taskToken"), optional(request, "error"), optional(request, "cause"));
    return NODES.objectNode();
  }

  private ObjectNode sendTaskHeartbeat(ObjectNode request) {
    service.sendTaskHeartbeat(required(request, "taskToken"));
    return NODES.objectNode();
  }

  /** One page of {@code items} by maxResults (default 100, max 1000) and an index nextToken. */
  private static ObjectNode page(ObjectNode request, List<ObjectNode> items, String member) {
    int max = request.path("maxResults").asInt(0);
    int size = max <= 0 ? 100 : Math.min(max, 1000);
    int from = 0;
    String token = optional(request, "nextToken");
    if (token != null) {
      try {
        from = Integer.parseInt(token);
      } catch (NumberFormatException e) {
        throw new ApiException("InvalidToken", "Invalid Token: '" + token + "'");
      }
    }
    ObjectNode response = NODES.objectNode();
    ArrayNode array = response.putArray(member);
    int to = Math.min(items.size(), from + size);
    for (int i = Math.max(0, from); i < to; i++) {
      array.add(items.get(i));
    }
    if (to < items.size()) {
      response.put("nextToken", Integer.toString(to));
    }
    return response;
  }
}
