package dev.orderly.localcloud.mappings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderly.localcloud.spi.FunctionInvoker;
import dev.orderly.localcloud.spi.InvokeResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The boundary the mappings invoke through, faked: it records every event it receives and answers
 * with a script (a function of the event), counting how many invocations run at once.
 */
final class ScriptedFunction implements FunctionInvoker {
  static final ObjectMapper JSON = new ObjectMapper();

  private final List<JsonNode> events = new ArrayList<>();
  private final AtomicInteger running = new AtomicInteger();
  private final AtomicInteger maxRunning = new AtomicInteger();
  private volatile Function<JsonNode, InvokeResult> script = e -> ok("null");

  static InvokeResult ok(String json) {
    return InvokeResult.success(json.getBytes(StandardCharsets.UTF_8));
  }

  static InvokeResult unhandled() {
    return InvokeResult.unhandled(
        "{\"errorMessage\":\"boom\",\"errorType\":\"java.lang.IllegalStateException\"}"
            .getBytes(StandardCharsets.UTF_8));
  }

  /** What the runtime answers for an invocation cut off by its timeout. */
  static InvokeResult timedOut() {
    return InvokeResult.unhandled(
        "{\"errorMessage\":\"Task timed out after 3.00 seconds\",\"errorType\":\"Sandbox.Timedout\"}"
            .getBytes(StandardCharsets.UTF_8));
  }

  static InvokeResult failing(List<String> identifiers) {
    StringBuilder json = new StringBuilder("{\"batchItemFailures\":[");
    for (int i = 0; i < identifiers.size(); i++) {
      json.append(i == 0 ? "" : ",")
          .append("{\"itemIdentifier\":\"")
          .append(identifiers.get(i))
          .append("\"}");
    }
    return ok(json.append("]}").toString());
  }

  void answer(Function<JsonNode, InvokeResult> script) {
    this.script = script;
  }

  @Override
  public InvokeResult invoke(String functionNameOrArn, byte[] payload) {
    JsonNode event;
    try {
      event = JSON.readTree(payload);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    synchronized (this) {
      events.add(event);
    }
    maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
    try {
      return script.apply(event);
    } finally {
      running.decrementAndGet();
    }
  }

  synchronized List<JsonNode> events() {
    return List.copyOf(events);
  }

  /** Every record of every event, in invocation order. */
  synchronized List<JsonNode> records() {
    List<JsonNode> records = new ArrayList<>();
    events.forEach(e -> e.get("Records").forEach(records::add));
    return records;
  }

  int running() {
    return running.get();
  }

  int maxRunning() {
    return maxRunning.get();
  }

  static List<String> texts(JsonNode event, String field) {
    List<String> values = new ArrayList<>();
    event.get("Records").forEach(r -> values.add(r.at(field).asText()));
    return values;
  }
}
