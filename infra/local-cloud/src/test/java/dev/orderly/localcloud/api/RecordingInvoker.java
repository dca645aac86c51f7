package dev.orderly.localcloud.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderly.localcloud.spi.FunctionInvoker;
import dev.orderly.localcloud.spi.InvokeResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * The fake boundary: records each event it receives (with the function it named) and answers by
 * function name; unknown functions answer {@code {"statusCode":200,"body":"ok"}}.
 */
final class RecordingInvoker implements FunctionInvoker {
  record Call(String function, JsonNode event) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final Map<String, Function<JsonNode, InvokeResult>> answers = new ConcurrentHashMap<>();

  RecordingInvoker answer(String function, Function<JsonNode, InvokeResult> answer) {
    answers.put(function, answer);
    return this;
  }

  RecordingInvoker answer(String function, String json) {
    return answer(function, event -> ok(json));
  }

  static InvokeResult ok(String json) {
    return InvokeResult.success(json.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public InvokeResult invoke(String function, byte[] payload) {
    JsonNode event;
    try {
      event = JSON.readTree(payload);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    calls.add(new Call(function, event));
    return answers
        .getOrDefault(function, e -> ok("{\"statusCode\":200,\"body\":\"ok\"}"))
        .apply(event);
  }

  List<Call> calls() {
    return calls;
  }

  Call last() {
    if (calls.isEmpty()) {
      throw new AssertionError("no function was invoked");
    }
    return calls.get(calls.size() - 1);
  }
}
