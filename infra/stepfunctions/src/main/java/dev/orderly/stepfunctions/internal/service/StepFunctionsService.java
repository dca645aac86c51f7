package dev.orderly.stepfunctions.internal.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderly.stepfunctions.Scheduler;
import dev.orderly.stepfunctions.internal.interpreter.ExecutionResult;
import dev.orderly.stepfunctions.internal.interpreter.Interpreter;
import dev.orderly.stepfunctions.internal.interpreter.TaskTokens;
import dev.orderly.stepfunctions.internal.validation.DefinitionValidator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Step Functions' control plane and executions: state machines by ARN, Standard-workflow execution
 * names unique per state machine, executions run on a pool, task tokens answered. Error codes and
 * messages follow the AWS API reference.
 */
public final class StepFunctionsService {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Names: 1–80 characters, none of whitespace, brackets, wildcards, the listed punctuation. */
  private static final Pattern NAME =
      Pattern.compile("[^\\s<>{}\\[\\]?*\"#%\\\\^|~`$&,;:/\\p{Cntrl}]{1,80}");

  private final String region;
  private final String accountId;
  private final Interpreter interpreter;
  private final Scheduler scheduler;
  private final TaskTokens tokens;
  private final ExecutorService pool;
  private final Supplier<String> ids;
  private final Map<String, StateMachine> machines = new LinkedHashMap<>();
  private final Map<String, Execution> executions = new LinkedHashMap<>();

  public StepFunctionsService(
      String region,
      String accountId,
      Interpreter interpreter,
      Scheduler scheduler,
      TaskTokens tokens,
      ExecutorService pool,
      Supplier<String> ids) {
    this.region = Objects.requireNonNull(region, "region");
    this.accountId = Objects.requireNonNull(accountId, "accountId");
    this.interpreter = Objects.requireNonNull(interpreter, "interpreter");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.tokens = Objects.requireNonNull(tokens, "tokens");
    this.pool = Objects.requireNonNull(pool, "pool");
    this.ids = Objects.requireNonNull(ids, "ids");
  }

  // ---- state machines ----

  /**
   * Creates a state machine, validating its definition. Creating one again with the same name,
   * definition, role and type returns the existing one; anything else under that name is
   * StateMachineAlreadyExists (API reference, CreateStateMachine: "idempotent").
   */
  public synchronized StateMachine createStateMachine(
      String name, String definitionText, String roleArn, String type) {
    checkName(name);
    String machineType = type == null ? "STANDARD" : type;
    if (!machineType.equals("STANDARD") && !machineType.equals("EXPRESS")) {
      throw new ApiException(
          "ValidationException",
          "1 validation error detected: Value '"
              + type
              + "' at 'type' failed to satisfy constraint: Member must satisfy enum value set:"
              + " [STANDARD, EXPRESS]");
    }
    JsonNode definition = definition(definitionText);
    String arn = "arn:aws:states:" + region + ":" + accountId + ":stateMachine:" + name;
    StateMachine existing = machines.get(arn);
    if (existing != null) {
      if (existing.definition().equals(definition)
          && existing.roleArn().equals(roleArn)
          && existing.type().equals(machineType)) {
        return existing;
      }
      throw new ApiException(
          "StateMachineAlreadyExists", "State Machine Already Exists: '" + arn + "'");
    }
    StateMachine created =
        new StateMachine(
            arn, name, machineType, definitionText, definition, roleArn, scheduler.now());
    machines.put(arn, created);
    return created;
  }

  /** UpdateStateMachine: a new definition and/or role; running executions keep theirs. */
  public synchronized StateMachine updateStateMachine(
      String arn, String definitionText, String roleArn) {
    StateMachine current = stateMachine(arn);
    JsonNode definition =
        definitionText == null ? current.definition() : definition(definitionText);
    StateMachine updated =
        new StateMachine(
            arn,
            current.name(),
            current.type(),
            definitionText == null ? current.definitionText() : definitionText,
            definition,
            roleArn == null ? current.roleArn() : roleArn,
            current.creationDate());
    machines.put(arn, updated);
    return updated;
  }

  public synchronized void deleteStateMachine(String arn) {
    checkArn(arn, "stateMachine");
    machines.remove(arn);
  }

  public synchronized StateMachine stateMachine(String arn) {
    checkArn(arn, "stateMachine");
    StateMachine machine = machines.get(arn);
    if (machine == null) {
      throw new ApiException(
          "StateMachineDoesNotExist", "State Machine Does Not Exist: '" + arn + "'");
    }
    return machine;
  }

  public synchronized List<StateMachine> stateMachines() {
    return machines.values().stream()
        .sorted(Comparator.comparing(StateMachine::name))
        .collect(Collectors.toList());
  }

  private static JsonNode definition(String text) {
    if (text == null) {
      throw new ApiException(
          "ValidationException",
          "1 validation error detected: Value null at 'definition' failed to satisfy"
              + " constraint: Member must not be null");
    }
    JsonNode definition;
    try {
      definition = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new ApiException(
          "InvalidDefinition",
          "Invalid State Machine Definition: 'INVALID_JSON_DESCRIPTION: "
              + e.getOriginalMessage()
              + "'");
    }
    List<DefinitionValidator.Problem> problems = DefinitionValidator.validate(definition);
    if (!problems.isEmpty()) {
      throw new ApiException(
          "InvalidDefinition",
          "Invalid State Machine Definition: '"
              + problems.stream().map(Object::toString).collect(Collectors.joining(", "))
              + "'");
    }
    return definition;
  }

  // ---- executions ----

  /**
   * Starts an execution (asynchronously). For a Standard state machine the name is unique: the same
   * name and input as a RUNNING execution returns that execution; otherwise (a different input, or
   * a closed execution) ExecutionAlreadyExists — API reference, StartExecution: "StartExecution is
   * idempotent for STANDARD workflows ... If the execution is closed or if the input is different,
   * it returns a 400 ExecutionAlreadyExists error."
   */
  public Execution startExecution(String stateMachineArn, String name, String inputText) {
    Execution execution;
    synchronized (this) {
      StateMachine machine = stateMachine(stateMachineArn);
      String executionName = name == null ? ids.get() : name;
      checkName(executionName);
      String text = inputText == null ? "{}" : inputText;
      JsonNode input = input(text);
      String arn = executionArn(machine, executionName);
      Execution existing = executions.get(arn);
      if (existing != null) {
        if (existing.result() == null && existing.input().equals(input)) {
          return existing;
        }
        throw new ApiException("ExecutionAlreadyExists", "Execution Already Exists: '" + arn + "'");
      }
      execution = new Execution(arn, executionName, machine, text, input, scheduler.now());
      executions.put(arn, execution);
    }
    Execution started = execution;
    pool.execute(() -> runToEnd(started));
    return execution;
  }

  /** StartSyncExecution: Express state machines only; runs on the caller's thread. */
  public Execution startSyncExecution(String stateMachineArn, String name, String inputText) {
    StateMachine machine = stateMachine(stateMachineArn);
    if (!machine.express()) {
      throw new ApiException(
          "StateMachineTypeNotSupported",
          "This operation is not supported by this type of state machine");
    }
    String executionName = name == null ? ids.get() : name;
    checkName(executionName);
    String text = inputText == null ? "{}" : inputText;
    Execution execution =
        new Execution(
            executionArn(machine, executionName),
            executionName,
            machine,
            text,
            input(text),
            scheduler.now());
    runToEnd(execution);
    return execution;
  }

  private String executionArn(StateMachine machine, String executionName) {
    String prefix = "arn:aws:states:" + region + ":" + accountId;
    return machine.express()
        ? prefix + ":express:" + machine.name() + ":" + executionName + ":" + ids.get()
        : prefix + ":execution:" + machine.name() + ":" + executionName;
  }

  private void runToEnd(Execution execution) {
    StateMachine machine = execution.stateMachine();
    ExecutionResult result;
    try {
      result =
          interpreter.run(
              machine.definition(),
              execution.input(),
              new Interpreter.ExecutionInfo(
                  execution.arn(),
                  execution.name(),
                  machine.arn(),
                  machine.name(),
                  machine.roleArn(),
                  execution.startDate()),
              execution.control());
    } catch (RuntimeException unexpected) {
      result =
          new ExecutionResult(
              "FAILED", null, "States.Runtime", unexpected.toString(), execution.history());
    }
    execution.finish(result, scheduler.now());
  }

  public synchronized Execution execution(String arn) {
    checkArn(arn, "execution");
    Execution execution = executions.get(arn);
    if (execution == null) {
      throw new ApiException("ExecutionDoesNotExist", "Execution Does Not Exist: '" + arn + "'");
    }
    return execution;
  }

  /** Executions of a state machine, newest first, optionally of one status. */
  public synchronized List<Execution> executions(String stateMachineArn, String statusFilter) {
    stateMachine(stateMachineArn);
    List<Execution> found = new ArrayList<>();
    for (Execution execution : executions.values()) {
      if (execution.stateMachine().arn().equals(stateMachineArn)
          && (statusFilter == null || statusFilter.equals(execution.status()))) {
        found.add(0, execution);
      }
    }
    return found;
  }

  /** StopExecution: a running execution ends ABORTED; a closed one is left as it is. */
  public Execution stopExecution(String arn, String error, String cause) {
    Execution execution = execution(arn);
    execution.control().stop(error, cause);
    return execution;
  }

  public void sendTaskSuccess(String token, String outputText) {
    JsonNode output;
    try {
      output = JSON.readTree(outputText == null ? "" : outputText);
    } catch (JsonProcessingException e) {
      throw new ApiException("InvalidOutput", "Invalid Output: '" + e.getOriginalMessage() + "'");
    }
    if (output == null || output.isMissingNode()) {
      throw new ApiException("InvalidOutput", "Invalid Output: 'the output is empty'");
    }
    tokenCall(() -> tokens.succeed(token, output));
  }

  public void sendTaskFailure(String token, String error, String cause) {
    tokenCall(() -> tokens.fail(token, error, cause));
  }

  public void sendTaskHeartbeat(String token) {
    tokenCall(() -> tokens.heartbeat(token, scheduler.now()));
  }

  private static void tokenCall(Runnable call) {
    try {
      call.run();
    } catch (TaskTokens.TokenException e) {
      throw new ApiException(e.code(), e.getMessage());
    }
  }

  private static JsonNode input(String text) {
    try {
      JsonNode input = JSON.readTree(text);
      if (input == null || input.isMissingNode()) {
        throw new ApiException("InvalidExecutionInput", "Invalid execution input: empty");
      }
      return input;
    } catch (JsonProcessingException e) {
      throw new ApiException(
          "InvalidExecutionInput", "Invalid execution input: " + e.getOriginalMessage());
    }
  }

  private static void checkName(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new ApiException("InvalidName", "Invalid Name: '" + name + "'");
    }
  }

  private void checkArn(String arn, String kind) {
    String[] parts = arn == null ? new String[0] : arn.split(":", -1);
    boolean valid =
        parts.length >= 7
            && parts[0].equals("arn")
            && parts[2].equals("states")
            && (parts[5].equals(kind) || (kind.equals("execution") && parts[5].equals("express")));
    if (!valid) {
      throw new ApiException("InvalidArn", "Invalid Arn: '" + arn + "'");
    }
  }
}
