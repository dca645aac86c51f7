package dev.orderly.localcloud.spi;

import java.util.concurrent.CompletableFuture;

/**
 * How the local cloud's services reach a function, the way they reach Lambda in AWS: the HTTP API,
 * EventBridge targets, event source mappings and Step Functions tasks all invoke through this.
 *
 * <p>{@link #invoke} is Lambda's {@code RequestResponse} invocation: the caller waits, and a
 * function error comes back as a result ({@link InvokeResult#functionError()}), not as an
 * exception. Exceptions are for invocations that never ran the function: {@link
 * FunctionNotFoundException} and {@link TooManyRequestsException} (reserved concurrency exhausted,
 * as Lambda throttles).
 */
public interface FunctionInvoker {
  /**
   * Runs the function on {@code payload} (JSON bytes) and returns its response (JSON bytes).
   *
   * @param functionNameOrArn a function name, as {@code FunctionName} in Lambda's Invoke API: a
   *     name, a partial ARN or a full ARN
   */
  InvokeResult invoke(String functionNameOrArn, byte[] payload);

  /**
   * Lambda's {@code Event} invocation: queued, run later, the caller does not wait. The future
   * completes when the function has run (tests await it; Lambda's callers cannot).
   */
  default CompletableFuture<InvokeResult> invokeAsync(String functionNameOrArn, byte[] payload) {
    return CompletableFuture.supplyAsync(() -> invoke(functionNameOrArn, payload));
  }
}
