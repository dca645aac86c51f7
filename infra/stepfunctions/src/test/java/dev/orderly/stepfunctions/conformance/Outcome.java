package dev.orderly.stepfunctions.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderly.stepfunctions.internal.interpreter.ExecutionResult;
import dev.orderly.stepfunctions.oracle.OracleResult;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * How an execution ended, in the form the corpus compares: SUCCEEDED with an output, or another
 * status with an error and a cause. Numbers are normalised (JSON does not tell {@code 10} from
 * {@code 10.0}, Jackson does), so that record equality is JSON equality and a failed assertion
 * shows both outcomes as JSON.
 */
record Outcome(String status, JsonNode output, String error, String cause) {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  Outcome {
    Objects.requireNonNull(status, "status");
    output = output == null ? null : normalised(output);
  }

  static Outcome of(ExecutionResult result) {
    return result.succeeded()
        ? new Outcome(result.status(), result.output(), null, null)
        : new Outcome(result.status(), null, result.error(), result.cause());
  }

  static Outcome of(OracleResult result) {
    if (result.status() == OracleResult.Status.INVALID_DEFINITION) {
      return new Outcome(result.status().name(), null, null, result.message());
    }
    return new Outcome(result.status().name(), result.output(), result.error(), result.cause());
  }

  /**
   * A corpus file's {@code "expected"}: {@code {"status": "SUCCEEDED", "output": ...}}, or {@code
   * {"status": "FAILED", "error": ..., "cause": ...}} where the cause is left out for a predefined
   * {@code States.*} error (see {@link #compared()}).
   */
  static Outcome fromJson(JsonNode expected) {
    String status = expected.path("status").asText("");
    if (status.equals("SUCCEEDED")) {
      if (!expected.has("output") || expected.size() != 2) {
        throw new IllegalArgumentException(
            "an expected SUCCEEDED outcome has exactly \"status\" and \"output\": " + expected);
      }
      return new Outcome(status, expected.get("output"), null, null);
    }
    if (status.equals("FAILED") && expected.path("error").isTextual()) {
      String error = expected.get("error").textValue();
      boolean withCause = !predefined(error);
      if (expected.path("cause").isTextual() != withCause
          || expected.size() != (withCause ? 3 : 2)) {
        throw new IllegalArgumentException(
            "an expected FAILED outcome has exactly \"status\", \"error\" and, unless the error"
                + " is a predefined States.* error, \"cause\": "
                + expected);
      }
      return new Outcome(status, null, error, withCause ? expected.get("cause").textValue() : null);
    }
    throw new IllegalArgumentException(
        "an expected outcome's status is SUCCEEDED or FAILED (with an error): " + expected);
  }

  /**
   * This outcome as the corpus compares it: a predefined {@code States.*} error keeps its name but
   * not its cause. The States Language defines those names and only that the Error Output "SHOULD
   * have a string-valued field named "Cause", containing human-readable text about the error"; each
   * implementation words its own. Causes of task errors and Fail states are data and are compared.
   */
  Outcome compared() {
    return predefined(error) ? new Outcome(status, output, error, null) : this;
  }

  private static boolean predefined(String error) {
    return error != null && error.startsWith("States.");
  }

  private static JsonNode normalised(JsonNode node) {
    if (node.isNumber()) {
      BigDecimal value = node.decimalValue().stripTrailingZeros();
      if (value.scale() <= 0 && value.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0) {
        return NODES.numberNode(value.longValueExact());
      }
      return NODES.numberNode(value);
    }
    if (node.isObject()) {
      ObjectNode copy = NODES.objectNode();
      node.fields().forEachRemaining(e -> copy.set(e.getKey(), normalised(e.getValue())));
      return copy;
    }
    if (node.isArray()) {
      ArrayNode copy = NODES.arrayNode();
      node.forEach(element -> copy.add(normalised(element)));
      return copy;
    }
    return node;
  }

  @Override
  public String toString() {
    return status.equals("SUCCEEDED")
        ? status + " " + output
        : status + " error=" + error + " cause=" + cause;
  }
}
