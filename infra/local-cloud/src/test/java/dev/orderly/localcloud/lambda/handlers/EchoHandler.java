package dev.orderly.localcloud.lambda.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Answers its input with what it knows of its invocation: the context and which instance (execution
 * environment) ran it. Waits at the gate named by {@code "gate"}, answers null for {@code
 * "returnNull"}.
 */
public final class EchoHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
  private final String instance = UUID.randomUUID().toString();

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
    if (input.get("gate") instanceof String gate) {
      Gate.get(gate).pass();
    }
    if (Boolean.TRUE.equals(input.get("returnNull"))) {
      return null;
    }
    Map<String, Object> output = new LinkedHashMap<>();
    output.put("input", input);
    output.put("instance", instance);
    output.put("functionName", context.getFunctionName());
    output.put("requestId", context.getAwsRequestId());
    output.put("memory", context.getMemoryLimitInMB());
    output.put("remainingMillis", context.getRemainingTimeInMillis());
    output.put("thread", Thread.currentThread().getName());
    return output;
  }
}
