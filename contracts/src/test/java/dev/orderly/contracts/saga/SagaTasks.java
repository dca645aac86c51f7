package dev.orderly.contracts.saga;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderly.contracts.Repository;
import dev.orderly.stepfunctions.LambdaFunction;
import dev.orderly.stepfunctions.LambdaFunctionException;
import dev.orderly.stepfunctions.LambdaFunctions;
import dev.orderly.stepfunctions.Scheduler;
import dev.orderly.stepfunctions.internal.StatesException;
import dev.orderly.stepfunctions.internal.integrations.ServiceIntegrations;
import dev.orderly.stepfunctions.internal.interpreter.TaskInvoker;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The saga's six functions and its SQS send, scripted. Each function answers from its own queue of
 * scripted answers, then with its default success (or forever with a failure set by {@link
 * #failAlways}). Invocations go through the engine's own {@code lambda:invoke} integration, so
 * results come in Invoke's shape and a function error carries Lambda's error document, as on AWS;
 * Lambda's service errors (throttling, ...) are raised before the function runs, as Step Functions
 * reports them. Every attempt is recorded with the virtual time it was made at.
 */
final class SagaTasks implements TaskInvoker {
  static final String LAMBDA_INVOKE = "arn:aws:states:::lambda:invoke";
  static final String SQS_SEND = "arn:aws:states:::sqs:sendMessage";
  static final String DLQ_STEP = "SendToCompensationDlq";
  static final String TRANSIENT = "dev.orderly.lambda.saga.TransientFailure";

  /** One attempt of a task, as the state machine made it. */
  record Call(String step, JsonNode parameters, Instant at) {
    JsonNode payload() {
      return parameters.get("Payload");
    }

    String requestId() {
      return payload().path("requestId").asText();
    }
  }

  /** What a function does when invoked. */
  sealed interface Answer permits Returns, Throws, ServiceError {}

  /** The function returns this payload. */
  record Returns(JsonNode payload) implements Answer {}

  /** The function throws; Lambda reports {@code errorType} (the Java exception's class name). */
  record Throws(String errorType) implements Answer {}

  /** Lambda itself fails the invocation ({@code Lambda.TooManyRequestsException}, ...). */
  record ServiceError(String error) implements Answer {}

  static Answer returns(String json) {
    return new Returns(Repository.json(json));
  }

  static Answer fails(String errorType) {
    return errorType.startsWith("Lambda.") ? new ServiceError(errorType) : new Throws(errorType);
  }

  private static final Map<String, String> DEFAULT_RESULTS =
      Map.of(
          "ReserveStock", "{\"reservationId\": \"res-1\"}",
          "ChargePayment", "{\"chargeId\": \"ch-1\"}",
          "ConfirmOrder", "{\"status\": \"CONFIRMED\"}",
          "RefundPayment", "{\"refunded\": true}",
          "ReleaseStock", "{\"released\": true}",
          "CancelOrder", "{\"status\": \"CANCELLED\", \"orderFound\": true}");

  private final Scheduler time;
  private final Map<String, Deque<Answer>> scripts = new HashMap<>();
  private final Map<String, Answer> always = new HashMap<>();
  private final Map<String, String> stepOfArn = new HashMap<>();
  private final List<Call> calls = new ArrayList<>();
  private final ServiceIntegrations lambda;
  private boolean dlqUnreachable;
  private Answer answering;

  SagaTasks(Scheduler time) {
    this.time = time;
    Map<String, LambdaFunction> functions = new HashMap<>();
    for (String step : SagaDefinition.steps()) {
      stepOfArn.put(SagaDefinition.functionArn(step), step);
      functions.put(SagaDefinition.functionArn(step), payload -> run(answering));
    }
    this.lambda = ServiceIntegrations.builder(LambdaFunctions.of(functions)).build();
  }

  /** The next answers of {@code step}, in order, before its default. */
  SagaTasks script(String step, Answer... answers) {
    Deque<Answer> queue = scripts.computeIfAbsent(known(step), s -> new ArrayDeque<>());
    queue.addAll(List.of(answers));
    return this;
  }

  /** {@code step} fails with {@code errorType} every time (after its scripted answers). */
  SagaTasks failAlways(String step, String errorType) {
    always.put(known(step), fails(errorType));
    return this;
  }

  SagaTasks dlqUnreachable() {
    dlqUnreachable = true;
    return this;
  }

  List<Call> calls() {
    return List.copyOf(calls);
  }

  @Override
  public JsonNode invoke(String resource, JsonNode input) {
    if (resource.equals(SQS_SEND)) {
      return sendToDlq(input);
    }
    if (!resource.equals(LAMBDA_INVOKE)) {
      throw new StatesException(StatesException.RUNTIME, "unexpected resource " + resource);
    }
    String step = stepOfArn.get(input.path("FunctionName").asText());
    if (step == null) {
      throw new StatesException(
          "Lambda.ResourceNotFoundException", "Function not found: " + input.get("FunctionName"));
    }
    calls.add(new Call(step, input.deepCopy(), time.now()));
    Answer answer = next(step);
    if (answer instanceof ServiceError service) {
      throw new StatesException(
          service.error(), "Rate Exceeded. (Service: Lambda, Status Code: 429)");
    }
    answering = answer;
    return lambda.invoke(resource, input);
  }

  private Answer next(String step) {
    Deque<Answer> scripted = scripts.get(step);
    if (scripted != null && !scripted.isEmpty()) {
      return scripted.poll();
    }
    return always.getOrDefault(step, returns(DEFAULT_RESULTS.get(step)));
  }

  private static JsonNode run(Answer answer) {
    if (answer instanceof Throws thrown) {
      throw new LambdaFunctionException(thrown.errorType(), "scripted " + thrown.errorType());
    }
    return ((Returns) answer).payload().deepCopy();
  }

  private JsonNode sendToDlq(JsonNode input) {
    calls.add(new Call(DLQ_STEP, input.deepCopy(), time.now()));
    if (!SagaDefinition.DLQ_URL.equals(input.path("QueueUrl").asText())) {
      throw new StatesException("SQS.QueueDoesNotExistException", "no queue " + input);
    }
    if (dlqUnreachable) {
      throw new StatesException("SQS.SdkClientException", "Unable to execute HTTP request");
    }
    ObjectNode result = JsonNodeFactory.instance.objectNode();
    result.put("MessageId", "m-" + calls.size());
    return result;
  }

  private static String known(String step) {
    if (!DEFAULT_RESULTS.containsKey(Objects.requireNonNull(step, "step"))) {
      throw new IllegalArgumentException("not a saga step: " + step);
    }
    return step;
  }
}
