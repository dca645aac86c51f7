package dev.orderly.orders.handler;

import com.amazonaws.services.lambda.runtime.Context;
import java.time.Duration;

/** How long an invocation has left, which bounds how long its idempotency claim blocks others. */
final class LambdaTime {
  /** Without a context (a local call), as long as an API Gateway integration may take. */
  static final Duration WITHOUT_CONTEXT = Duration.ofSeconds(30);

  private LambdaTime() {}

  static Duration remaining(Context context) {
    return context == null
        ? WITHOUT_CONTEXT
        : Duration.ofMillis(Math.max(1, context.getRemainingTimeInMillis()));
  }
}
