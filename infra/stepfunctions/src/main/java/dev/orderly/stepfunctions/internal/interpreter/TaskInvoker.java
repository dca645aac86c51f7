package dev.orderly.stepfunctions.internal.interpreter;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Runs a Task state's resource (without a {@code .waitForTaskToken} suffix). The local cloud maps
 * Lambda ARNs to in-process handlers and service integrations to SDK clients; tests script results.
 * A failure is a {@link dev.orderly.stepfunctions.internal.StatesException} whose error name is the
 * task's error type, as Lambda reports it.
 */
@FunctionalInterface
public interface TaskInvoker {
  JsonNode invoke(String resource, JsonNode input);

  /**
   * The task as a future, so that TimeoutSeconds can cut it short. By default the synchronous
   * {@link #invoke} on the given executor; a test stub taking virtual time overrides this.
   */
  default CompletableFuture<JsonNode> invokeAsync(
      String resource, JsonNode input, Executor executor) {
    return CompletableFuture.supplyAsync(() -> invoke(resource, input), executor);
  }
}
