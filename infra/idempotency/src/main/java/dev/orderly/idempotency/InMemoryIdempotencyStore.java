package dev.orderly.idempotency;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A store in a map, with the same claim rule as the DynamoDB store: for unit tests. */
public final class InMemoryIdempotencyStore implements IdempotencyStore {
  private final Map<String, IdempotencyRecord> records = new ConcurrentHashMap<>();

  @Override
  public Claim claim(IdempotencyRecord inProgress, Instant now) {
    Claim[] result = new Claim[1];
    records.compute(
        inProgress.key(),
        (key, existing) -> {
          if (existing == null || existing.claimableAt(now)) {
            result[0] = new Claim.Acquired();
            return inProgress;
          }
          result[0] = new Claim.Held(existing);
          return existing;
        });
    return result[0];
  }

  @Override
  public void complete(IdempotencyRecord completed) {
    records.computeIfPresent(
        completed.key(),
        (key, existing) -> existing.owner().equals(completed.owner()) ? completed : existing);
  }

  @Override
  public void release(IdempotencyRecord inProgress) {
    records.computeIfPresent(
        inProgress.key(),
        (key, existing) -> existing.owner().equals(inProgress.owner()) ? null : existing);
  }

  /** The record held for a key, if any (for assertions). */
  public IdempotencyRecord get(String key) {
    return records.get(key);
  }
}
