package dev.orderly.idempotency.dynamodb;

import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;

/**
 * A business write's own condition failed (stock too low, version moved on), so nothing was written
 * and no idempotency record was kept: the handler's typed error, not a duplicate. {@link
 * #failedWrites()} gives the indexes, in the handler's list of writes, whose conditions failed.
 */
public final class BusinessConditionFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<CancellationReason> reasons;
  private final List<Integer> failedWrites;

  BusinessConditionFailedException(List<CancellationReason> reasons, List<Integer> failedWrites) {
    super("business conditions failed for writes " + failedWrites);
    this.reasons = List.copyOf(reasons);
    this.failedWrites = List.copyOf(failedWrites);
  }

  /** The cancellation reasons of the business writes, in the handler's order. */
  public List<CancellationReason> reasons() {
    return reasons;
  }

  public List<Integer> failedWrites() {
    return failedWrites;
  }
}
