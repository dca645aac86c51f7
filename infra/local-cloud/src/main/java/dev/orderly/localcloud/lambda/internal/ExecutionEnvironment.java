package dev.orderly.localcloud.lambda.internal;

import com.amazonaws.services.lambda.runtime.Context;
import dev.orderly.lambda.config.Environment;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One execution environment: a handler instance and the one thread that runs it, as a Lambda
 * sandbox runs one runtime process. It serves one invocation at a time (its function hands it out
 * so); {@link #destroy} interrupts whatever it is running and it is never used again.
 */
final class ExecutionEnvironment {
  private final ExecutorService thread;
  private Object handler; // confined to the environment's thread

  ExecutionEnvironment(String threadName) {
    this.thread =
        Executors.newSingleThreadExecutor(
            runnable -> {
              Thread t = new Thread(runnable, threadName);
              t.setDaemon(true);
              return t;
            });
  }

  /** The cold start: builds the handler; fails with an {@link InitFailure}. */
  Future<?> init(HandlerDefinition definition, Environment environment) {
    return thread.submit(
        () -> {
          handler = definition.instantiate(environment);
        });
  }

  Future<byte[]> invoke(HandlerCall call, byte[] payload, Context context) {
    return thread.submit(() -> call.call(handler, payload, context));
  }

  void destroy() {
    thread.shutdownNow();
  }
}
