package dev.orderly.stepfunctions.oracle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One execution for the oracle.
 *
 * @param definition the ASL definition (JSONPath mode)
 * @param input the execution input
 * @param taskResults scripted outcomes, keyed by Task state name or by Resource ARN (the state name
 *     wins), consumed in order, one per Task invocation (retries included)
 * @param context the Context Object to mock, or null for the oracle's default
 */
public record OracleRequest(
    JsonNode definition,
    JsonNode input,
    Map<String, List<TaskOutcome>> taskResults,
    JsonNode context) {

  public OracleRequest {
    Objects.requireNonNull(definition, "definition");
    input = input == null ? JsonNodeFactory.instance.objectNode() : input;
    taskResults = taskResults == null ? Map.of() : Map.copyOf(taskResults);
  }

  public static OracleRequest of(JsonNode definition, JsonNode input) {
    return new OracleRequest(definition, input, Map.of(), null);
  }

  /** A copy with these scripted outcomes for the Task state (or Resource ARN) {@code key}. */
  public OracleRequest withTask(String key, TaskOutcome... outcomes) {
    Map<String, List<TaskOutcome>> copy = new LinkedHashMap<>(taskResults);
    copy.put(key, List.of(outcomes));
    return new OracleRequest(definition, input, copy, context);
  }

  public OracleRequest withContext(JsonNode newContext) {
    return new OracleRequest(definition, input, taskResults, newContext);
  }
}
