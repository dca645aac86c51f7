package dev.orderly.idempotency;

import java.time.Instant;
import java.util.Objects;

/**
 * What the store keeps for one idempotency key. {@code owner} identifies the attempt that claimed
 * the key, so that only that attempt can complete or release it: a slow handler whose claim expired
 * cannot overwrite the record of the attempt that took over.
 */
public record IdempotencyRecord(
    String key,
    Status status,
    String payloadHash,
    String response,
    Instant expiresAt,
    Instant inProgressExpiresAt,
    String owner) {

  /** A record is in progress from its claim until the handler completes or releases it. */
  public enum Status {
    IN_PROGRESS,
    COMPLETED
  }

  public IdempotencyRecord {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(payloadHash, "payloadHash");
    Objects.requireNonNull(expiresAt, "expiresAt");
    Objects.requireNonNull(inProgressExpiresAt, "inProgressExpiresAt");
    Objects.requireNonNull(owner, "owner");
  }

  /**
   * Whether a new attempt may claim the key over this record: the record expired, or it is in
   * progress and its holder ran out of time. The same rule is the store's conditional write.
   */
  public boolean claimableAt(Instant now) {
    return expiresAt.getEpochSecond() < now.getEpochSecond()
        || (status == Status.IN_PROGRESS
            && inProgressExpiresAt.toEpochMilli() < now.toEpochMilli());
  }

  public IdempotencyRecord completed(String encodedResponse) {
    return new IdempotencyRecord(
        key, Status.COMPLETED, payloadHash, encodedResponse, expiresAt, inProgressExpiresAt, owner);
  }
}
