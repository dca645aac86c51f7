package dev.orderly.stepfunctions.oracle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/** One scripted outcome of a Task state in an oracle execution: a result, or an error it throws. */
public sealed interface TaskOutcome {

  static TaskOutcome returns(JsonNode result) {
    return new Returns(result);
  }

  static TaskOutcome fails(String error, String cause) {
    return new Throws(error, cause);
  }

  /** {@code then}, after {@code afterMs} milliseconds (a slow task). */
  static TaskOutcome after(long afterMs, TaskOutcome then) {
    return new Delayed(afterMs, then);
  }

  /** The form the driver reads: the result itself, or {"error": ..., "cause": ...}. */
  JsonNode toJson();

  /** The Task returns this result. */
  record Returns(JsonNode result) implements TaskOutcome {
    public Returns {
      Objects.requireNonNull(result, "result");
    }

    @Override
    public JsonNode toJson() {
      return result;
    }
  }

  /** The Task fails with this error name (what Retry/Catch ErrorEquals match) and cause. */
  record Throws(String error, String cause) implements TaskOutcome {
    public Throws {
      Objects.requireNonNull(error, "error");
    }

    @Override
    public JsonNode toJson() {
      ObjectNode node = JsonNodeFactory.instance.objectNode();
      node.put("error", error);
      if (cause != null) {
        node.put("cause", cause);
      }
      return node;
    }
  }

  /** The task answers {@code then} only after {@code afterMs} milliseconds. */
  record Delayed(long afterMs, TaskOutcome then) implements TaskOutcome {
    public Delayed {
      Objects.requireNonNull(then, "then");
    }

    @Override
    public JsonNode toJson() {
      ObjectNode node = JsonNodeFactory.instance.objectNode();
      node.put("afterMs", afterMs);
      node.set("then", then.toJson());
      return node;
    }
  }
}
