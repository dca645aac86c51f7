package dev.orderly.idempotency;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Claim ids: unique across processes without a SecureRandom draw per claim (a random prefix chosen
 * once per process, then a counter).
 */
public final class ClaimIds {
  private ClaimIds() {}

  public static Supplier<String> perProcess() {
    String prefix = UUID.randomUUID() + "-";
    AtomicLong counter = new AtomicLong();
    return () -> prefix + Long.toHexString(counter.incrementAndGet());
  }
}
