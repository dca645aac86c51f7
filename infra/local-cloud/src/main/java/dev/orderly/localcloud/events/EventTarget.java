package dev.orderly.localcloud.events;

import java.util.concurrent.CompletionStage;

/**
 * Where the bus hands one event (already shaped by InputPath or InputTransformer) to one target.
 * The stage completes when the target accepted it; it fails with a {@link TargetDeliveryException}
 * to say whether a retry can help (any other failure is retried).
 *
 * <p>The bus builds the SQS, Lambda and Step Functions targets from ARNs itself; this interface is
 * the seam for tests (a flaky target) and for targets the bus does not know.
 */
@FunctionalInterface
public interface EventTarget {
  CompletionStage<Void> deliver(String targetArn, String input);
}
