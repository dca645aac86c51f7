package dev.orderly.idempotency.dynamodb;

import dev.orderly.idempotency.ClaimIds;
import dev.orderly.idempotency.IdempotencyRecord;
import dev.orderly.idempotency.IdempotencyRequest;
import dev.orderly.idempotency.Outcome;
import dev.orderly.idempotency.PayloadHash;
import dev.orderly.idempotency.ResponseCodec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Exactly-once effects in one round trip: the handler returns its business writes instead of making
 * them, and they commit in one TransactWriteItems with the completed idempotency record, whose
 * condition is the claim condition. A first delivery costs one call; a crash can happen only before
 * the commit (nothing happened, a retry runs) or after it (the record is there, a retry replays),
 * never between effect and record. A duplicate's transaction is cancelled by the record's
 * condition, and the cancellation reason carries the stored record, so the replay needs no read
 * either.
 */
public final class TransactionalIdempotency {
  private final DynamoDbClient dynamo;
  private final String table;
  private final DynamoDbIdempotencyStore records;
  private final Clock clock;
  private final Duration expiry;
  private final Function<byte[], String> hash;
  private final Supplier<String> owners;

  private TransactionalIdempotency(Builder builder) {
    this.dynamo = builder.dynamo;
    this.table = builder.table;
    this.records =
        DynamoDbIdempotencyStore.builder(builder.dynamo, builder.table)
            .attributes(builder.names)
            .build();
    this.clock = builder.clock;
    this.expiry = builder.expiry;
    this.hash = builder.hash;
    this.owners = builder.owners;
  }

  public static Builder builder(DynamoDbClient dynamo, String table) {
    return new Builder(dynamo, table);
  }

  /**
   * Computes the effect and commits it with the record, or replays the stored result. The handler
   * may read but must not write: its writes go in the returned {@link Effect}.
   *
   * @throws BusinessConditionFailedException when a business write's condition failed
   */
  public <R> Outcome<R> handle(
      IdempotencyRequest request, ResponseCodec<R> codec, Supplier<Effect<R>> handler) {
    Objects.requireNonNull(request.key(), "transactional mode needs an idempotency key");
    String payloadHash = hash.apply(request.payload());
    Instant now = clock.instant();
    Effect<R> effect = handler.get();
    IdempotencyRecord record =
        new IdempotencyRecord(
            request.key(),
            IdempotencyRecord.Status.COMPLETED,
            payloadHash,
            codec.encode(effect.result()),
            now.plus(expiry),
            now,
            owners.get());
    List<TransactWriteItem> items = new ArrayList<>(effect.writes());
    items.add(TransactWriteItem.builder().put(recordPut(record, now)).build());
    try {
      dynamo.transactWriteItems(b -> b.transactItems(items));
      return new Outcome.Executed<>(effect.result());
    } catch (TransactionCanceledException cancelled) {
      return afterCancellation(cancelled.cancellationReasons(), request.key(), payloadHash, codec);
    }
  }

  private <R> Outcome<R> afterCancellation(
      List<CancellationReason> reasons, String key, String payloadHash, ResponseCodec<R> codec) {
    CancellationReason recordReason = reasons.get(reasons.size() - 1);
    if ("ConditionalCheckFailed".equals(recordReason.code()) && recordReason.hasItem()) {
      IdempotencyRecord existing = records.fromItem(recordReason.item());
      if (!existing.payloadHash().equals(payloadHash)) {
        return new Outcome.PayloadMismatch<>(key);
      }
      if (existing.status() == IdempotencyRecord.Status.COMPLETED) {
        return new Outcome.Replayed<>(codec.replayed(codec.decode(existing.response()), existing));
      }
      return new Outcome.InProgress<>(key);
    }
    List<Integer> failed = new ArrayList<>();
    for (int i = 0; i < reasons.size() - 1; i++) {
      String code = reasons.get(i).code();
      if ("TransactionConflict".equals(code)) {
        return new Outcome.InProgress<>(key);
      }
      if (!"None".equals(code)) {
        failed.add(i);
      }
    }
    if ("TransactionConflict".equals(recordReason.code())) {
      return new Outcome.InProgress<>(key);
    }
    throw new BusinessConditionFailedException(reasons.subList(0, reasons.size() - 1), failed);
  }

  private Put recordPut(IdempotencyRecord record, Instant now) {
    return Put.builder()
        .tableName(table)
        .item(records.toItem(record))
        .conditionExpression(DynamoDbIdempotencyStore.CLAIM_CONDITION)
        .expressionAttributeNames(records.claimNames())
        .expressionAttributeValues(DynamoDbIdempotencyStore.claimValues(now))
        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
        .build();
  }

  /** The client and table are required; other options as in the plain mode. */
  public static final class Builder {
    private final DynamoDbClient dynamo;
    private final String table;
    private DynamoDbIdempotencyStore.Attributes names = DynamoDbIdempotencyStore.Attributes.DEFAULT;
    private Clock clock = Clock.systemUTC();
    private Duration expiry = Duration.ofHours(1);
    private Function<byte[], String> hash = PayloadHash.sha256();
    private Supplier<String> owners = ClaimIds.perProcess();

    private Builder(DynamoDbClient dynamo, String table) {
      this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
      this.table = Objects.requireNonNull(table, "table");
    }

    public Builder attributes(DynamoDbIdempotencyStore.Attributes names) {
      this.names = Objects.requireNonNull(names, "names");
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    public Builder expiry(Duration expiry) {
      this.expiry = Objects.requireNonNull(expiry, "expiry");
      return this;
    }

    public Builder payloadHash(Function<byte[], String> hash) {
      this.hash = Objects.requireNonNull(hash, "hash");
      return this;
    }

    public Builder claimIds(Supplier<String> ids) {
      this.owners = Objects.requireNonNull(ids, "ids");
      return this;
    }

    public TransactionalIdempotency build() {
      return new TransactionalIdempotency(this);
    }
  }
}
