package dev.orderly.localcloud.cloud;

import dev.orderly.localcloud.lambda.LocalLambda;
import dev.orderly.localcloud.spi.FunctionInvoker;
import dev.orderly.localcloud.spi.InvokeResult;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The functions, for a service built before them (EventBridge needs them as targets; they need its
 * endpoint in their environment). Nothing is invoked before the cloud has finished starting.
 */
final class LateInvoker implements FunctionInvoker {
  private final AtomicReference<LocalLambda> functions;

  LateInvoker(AtomicReference<LocalLambda> functions) {
    this.functions = functions;
  }

  private LocalLambda functions() {
    LocalLambda lambda = functions.get();
    if (lambda == null) {
      throw new IllegalStateException("a function was invoked before the local cloud started");
    }
    return lambda;
  }

  @Override
  public InvokeResult invoke(String functionNameOrArn, byte[] payload) {
    return functions().invoke(functionNameOrArn, payload);
  }

  @Override
  public CompletableFuture<InvokeResult> invokeAsync(String functionNameOrArn, byte[] payload) {
    return functions().invokeAsync(functionNameOrArn, payload);
  }
}
