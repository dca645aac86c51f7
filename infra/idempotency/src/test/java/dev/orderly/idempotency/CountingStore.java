package dev.orderly.idempotency;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts the calls that reach a store: the cache must spare them, the wrapper must not add any. */
final class CountingStore implements IdempotencyStore {
  final IdempotencyStore delegate;
  final AtomicInteger claims = new AtomicInteger();
  final AtomicInteger completions = new AtomicInteger();
  final AtomicInteger releases = new AtomicInteger();

  CountingStore(IdempotencyStore delegate) {
    this.delegate = delegate;
  }

  @Override
  public Claim claim(IdempotencyRecord inProgress, Instant now) {
    claims.incrementAndGet();
    return delegate.claim(inProgress, now);
  }

  @Override
  public void complete(IdempotencyRecord completed) {
    completions.incrementAndGet();
    delegate.complete(completed);
  }

  @Override
  public void release(IdempotencyRecord inProgress) {
    releases.incrementAndGet();
    delegate.release(inProgress);
  }
}
