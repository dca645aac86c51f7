package dev.orderly.idempotency;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;

/** The local cache on Caffeine, bounded by size, each record kept no longer than it lives. */
final class CaffeineRecordCache implements LocalRecordCache {
  private final Cache<String, IdempotencyRecord> cache;

  private CaffeineRecordCache(Cache<String, IdempotencyRecord> cache) {
    this.cache = cache;
  }

  static LocalRecordCache create(int maximumSize, Clock clock) {
    return new CaffeineRecordCache(
        Caffeine.newBuilder()
            .maximumSize(maximumSize)
            .expireAfter(new UntilRecordExpiry(clock))
            .build());
  }

  @Override
  public IdempotencyRecord getIfPresent(String key) {
    return cache.getIfPresent(key);
  }

  @Override
  public void put(String key, IdempotencyRecord record) {
    cache.put(key, record);
  }

  /** Cached completed records live no longer than the record itself. */
  private static final class UntilRecordExpiry implements Expiry<String, IdempotencyRecord> {
    private final Clock clock;

    UntilRecordExpiry(Clock clock) {
      this.clock = clock;
    }

    private long remaining(IdempotencyRecord record) {
      return Math.max(0, Duration.between(clock.instant(), record.expiresAt()).toNanos());
    }

    @Override
    public long expireAfterCreate(String key, IdempotencyRecord record, long currentTime) {
      return remaining(record);
    }

    @Override
    public long expireAfterUpdate(
        String key, IdempotencyRecord record, long currentTime, long currentDuration) {
      return remaining(record);
    }

    @Override
    public long expireAfterRead(
        String key, IdempotencyRecord record, long currentTime, long currentDuration) {
      return currentDuration;
    }
  }
}
