package dev.orderly.users.persistence;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Reads a cancelled transaction's reasons, one per item in request order: which item's condition
 * failed decides the answer (the user's version, the email claim), so no read follows a failure.
 */
final class Cancellations {
  private final List<CancellationReason> reasons;

  private Cancellations(List<CancellationReason> reasons) {
    this.reasons = List.copyOf(reasons);
  }

  static Cancellations of(TransactionCanceledException cancelled) {
    return new Cancellations(
        cancelled.hasCancellationReasons() ? cancelled.cancellationReasons() : List.of());
  }

  static Cancellations of(List<CancellationReason> reasons) {
    return new Cancellations(reasons);
  }

  /** Whether the condition of the item at {@code index} failed. */
  boolean conditionFailed(int index) {
    return index < reasons.size() && "ConditionalCheckFailed".equals(reasons.get(index).code());
  }

  /**
   * The item at {@code index} as it was when its condition failed, if one existed and was asked.
   */
  Optional<Map<String, AttributeValue>> oldItem(int index) {
    if (!conditionFailed(index) || !reasons.get(index).hasItem()) {
      return Optional.empty();
    }
    return Optional.of(reasons.get(index).item()).filter(item -> !item.isEmpty());
  }

  @Override
  public String toString() {
    return reasons.stream().map(CancellationReason::code).toList().toString();
  }
}
