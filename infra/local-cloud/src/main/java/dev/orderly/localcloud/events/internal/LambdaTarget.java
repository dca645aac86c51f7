package dev.orderly.localcloud.events.internal;

import dev.orderly.localcloud.events.EventTarget;
import dev.orderly.localcloud.events.TargetDeliveryException;
import dev.orderly.localcloud.spi.FunctionInvoker;
import dev.orderly.localcloud.spi.FunctionNotFoundException;
import dev.orderly.localcloud.spi.InvokeResult;
import dev.orderly.localcloud.spi.TooManyRequestsException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * A Lambda function target, invoked asynchronously ({@code Event}) as EventBridge does.
 *
 * <p>Deviation, by choice: in AWS, EventBridge's delivery ends when Lambda accepts the async
 * invocation, and a function error is Lambda's to retry (twice) and send to the function's own
 * on-failure destination. The local cloud models no Lambda async queue, so here the delivery waits
 * for the function to run and a function error ({@code Unhandled}) is a retryable delivery failure
 * ({@code ERROR_FROM_TARGET}) under the target's retry policy, ending in its DLQ, so no failure is
 * lost. A missing function is {@code NO_RESOURCE} (not retried); throttling is retried.
 */
final class LambdaTarget implements EventTarget {
  private final FunctionInvoker functions;

  LambdaTarget(FunctionInvoker functions) {
    this.functions = functions;
  }

  @Override
  public CompletionStage<Void> deliver(String targetArn, String input) {
    CompletableFuture<InvokeResult> invocation;
    try {
      invocation = functions.invokeAsync(targetArn, input.getBytes(StandardCharsets.UTF_8));
    } catch (RuntimeException e) {
      invocation = CompletableFuture.failedFuture(e);
    }
    return invocation.handle(
        (result, error) -> {
          if (error != null) {
            throw classify(targetArn, error);
          }
          if (result.failed()) {
            throw new TargetDeliveryException(
                "ERROR_FROM_TARGET",
                "Function " + targetArn + " failed: " + abbreviate(result.payloadUtf8()),
                true);
          }
          return null;
        });
  }

  private static TargetDeliveryException classify(String targetArn, Throwable error) {
    Throwable cause =
        error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    if (cause instanceof TargetDeliveryException delivery) {
      return delivery;
    }
    if (cause instanceof FunctionNotFoundException) {
      return new TargetDeliveryException("NO_RESOURCE", cause.getMessage(), false, cause);
    }
    if (cause instanceof TooManyRequestsException) {
      return new TargetDeliveryException("THROTTLING", cause.getMessage(), true, cause);
    }
    return new TargetDeliveryException(
        "INTERNAL_ERROR", "Invoking " + targetArn + " failed: " + cause, true, cause);
  }

  private static String abbreviate(String text) {
    return text.length() <= 256 ? text : text.substring(0, 256) + "...";
  }
}
