package dev.orderly.idempotency;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs a handler at most once per idempotency key while its record lives, replaying the stored
 * result to duplicates. One claim call decides first run, replay, concurrent duplicate or reused
 * key; a failing handler releases its claim so that a retry can run.
 *
 * <p>In this plain mode the handler's effect and the completion record are two writes: a process
 * that dies between them leaves an in-progress record, and once that record's in-progress expiry
 * passes, a redelivery runs the handler again. Handlers whose effects must never repeat write them
 * in the same transaction as the record (transactional mode).
 */
public final class Idempotency {
  private static final Logger LOG = Logger.getLogger(Idempotency.class.getName());

  private final IdempotencyStore store;
  private final Clock clock;
  private final Supplier<String> owners;
  private final Duration expiry;
  private final Duration inProgressTimeout;
  private final Function<byte[], String> hash;
  private final boolean failWithoutKey;
  private final boolean disabled;
  private final LocalRecordCache cache;

  private Idempotency(Builder builder) {
    this.store = builder.store;
    this.clock = builder.clock;
    this.owners = builder.owners;
    this.expiry = builder.expiry;
    this.inProgressTimeout = builder.inProgressTimeout;
    this.hash = builder.hash;
    this.failWithoutKey = builder.failWithoutKey;
    this.disabled = builder.disabled;
    this.cache =
        builder.localCacheSize > 0
            ? CaffeineRecordCache.create(builder.localCacheSize, clock)
            : null;
  }

  public static Builder builder(IdempotencyStore store) {
    return new Builder(store);
  }

  /** Runs or replays, and says which; the caller decides what in-progress and mismatch mean. */
  public <R> Outcome<R> handle(
      IdempotencyRequest request, ResponseCodec<R> codec, Supplier<R> handler) {
    if (disabled) {
      return new Outcome.Executed<>(handler.get());
    }
    if (!request.hasKey()) {
      if (failWithoutKey) {
        throw new IdempotencyKeyMissingException();
      }
      return new Outcome.Executed<>(handler.get());
    }
    String key = request.key();
    String payloadHash = hash.apply(request.payload());
    Instant now = clock.instant();
    if (cache != null) {
      IdempotencyRecord cached = cache.getIfPresent(key);
      if (cached != null && !cached.claimableAt(now)) {
        return fromExisting(cached, payloadHash, codec);
      }
    }
    Duration running =
        request.remainingTime() != null ? request.remainingTime() : inProgressTimeout;
    IdempotencyRecord claim =
        new IdempotencyRecord(
            key,
            IdempotencyRecord.Status.IN_PROGRESS,
            payloadHash,
            null,
            now.plus(expiry),
            now.plus(running),
            owners.get());
    IdempotencyStore.Claim result = store.claim(claim, now);
    if (result instanceof IdempotencyStore.Claim.Held held) {
      return fromExisting(held.existing(), payloadHash, codec);
    }
    R response;
    try {
      response = handler.get();
    } catch (RuntimeException | Error failure) {
      release(claim, failure);
      throw failure;
    }
    IdempotencyRecord done = claim.completed(codec.encode(response));
    try {
      store.complete(done);
      if (cache != null) {
        cache.put(key, done);
      }
    } catch (RuntimeException e) {
      // The effect happened; failing now would make the caller retry into a duplicate once the
      // claim expires. Answer with the result and leave the claim to expire.
      LOG.log(Level.WARNING, "could not complete idempotency record " + key, e);
    }
    return new Outcome.Executed<>(response);
  }

  /**
   * Runs or replays and returns the result; a concurrent duplicate throws {@link
   * IdempotencyInProgressException} (retryable) and a reused key {@link
   * IdempotencyPayloadMismatchException}.
   */
  public <R> R execute(IdempotencyRequest request, ResponseCodec<R> codec, Supplier<R> handler) {
    Outcome<R> outcome = handle(request, codec, handler);
    if (outcome instanceof Outcome.Executed<R> executed) {
      return executed.result();
    }
    if (outcome instanceof Outcome.Replayed<R> replayed) {
      return replayed.result();
    }
    if (outcome instanceof Outcome.InProgress<R> inProgress) {
      throw new IdempotencyInProgressException(inProgress.key());
    }
    throw new IdempotencyPayloadMismatchException(request.key());
  }

  private <R> Outcome<R> fromExisting(
      IdempotencyRecord existing, String payloadHash, ResponseCodec<R> codec) {
    if (!existing.payloadHash().equals(payloadHash)) {
      return new Outcome.PayloadMismatch<>(existing.key());
    }
    if (existing.status() == IdempotencyRecord.Status.COMPLETED) {
      if (cache != null) {
        cache.put(existing.key(), existing);
      }
      R stored = codec.decode(existing.response());
      return new Outcome.Replayed<>(codec.replayed(stored, existing));
    }
    return new Outcome.InProgress<>(existing.key());
  }

  private void release(IdempotencyRecord claim, Throwable failure) {
    try {
      store.release(claim);
    } catch (RuntimeException e) {
      failure.addSuppressed(e);
    }
  }

  /** Options, with Powertools' defaults where it has them (1 hour expiry, no cache). */
  public static final class Builder {
    private final IdempotencyStore store;
    private Clock clock = Clock.systemUTC();
    private Supplier<String> owners = ClaimIds.perProcess();
    private Duration expiry = Duration.ofHours(1);
    private Duration inProgressTimeout = Duration.ofMinutes(15);
    private Function<byte[], String> hash = PayloadHash.sha256();
    private boolean failWithoutKey = true;
    private boolean disabled;
    private int localCacheSize;

    private Builder(IdempotencyStore store) {
      this.store = Objects.requireNonNull(store, "store");
    }

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Identifies each claim; tests pass a deterministic sequence. */
    public Builder claimIds(Supplier<String> ids) {
      this.owners = Objects.requireNonNull(ids, "ids");
      return this;
    }

    /** How long a completed result is replayed. */
    public Builder expiry(Duration expiry) {
      this.expiry = positive(expiry, "expiry");
      return this;
    }

    /** How long a claim blocks duplicates when the request gives no remaining time. */
    public Builder inProgressTimeout(Duration timeout) {
      this.inProgressTimeout = positive(timeout, "inProgressTimeout");
      return this;
    }

    public Builder payloadHash(Function<byte[], String> hash) {
      this.hash = Objects.requireNonNull(hash, "hash");
      return this;
    }

    /** True (the default): a delivery without a key fails; false: it runs without protection. */
    public Builder failWithoutKey(boolean fail) {
      this.failWithoutKey = fail;
      return this;
    }

    /** Switches deduplication off (tests of handler logic); every delivery runs. */
    public Builder disabled(boolean disabled) {
      this.disabled = disabled;
      return this;
    }

    /** Keeps up to this many completed records in memory: replays then cost no store call. */
    public Builder localCache(int maxRecords) {
      if (maxRecords < 0) {
        throw new IllegalArgumentException("maxRecords must not be negative: " + maxRecords);
      }
      this.localCacheSize = maxRecords;
      return this;
    }

    public Idempotency build() {
      return new Idempotency(this);
    }

    private static Duration positive(Duration d, String name) {
      if (d == null || d.isZero() || d.isNegative()) {
        throw new IllegalArgumentException(name + " must be positive: " + d);
      }
      return d;
    }
  }
}
