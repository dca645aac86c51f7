package dev.orderly.stepfunctions;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A function the local cloud runs in-process where AWS would invoke Lambda: the payload in, the
 * function's output out. A failure the caller should see by name is thrown as a {@link
 * LambdaFunctionException}; anything else thrown is reported the way the Lambda Java runtime
 * reports it (see {@link LambdaFunctionException#of(Throwable)}).
 */
@FunctionalInterface
public interface LambdaFunction {
  JsonNode invoke(JsonNode payload);
}
