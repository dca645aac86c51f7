package dev.orderly.idempotency.dynamodb;

import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * What a transactional handler decided: its result and the business writes that make it true.
 * Nothing is written until the writes commit together with the completion record.
 */
public record Effect<R>(R result, List<TransactWriteItem> writes) {
  public Effect {
    writes = List.copyOf(writes);
    if (writes.size() > 99) {
      throw new IllegalArgumentException(
          "at most 99 business writes fit beside the idempotency record in one transaction: "
              + writes.size());
    }
  }
}
