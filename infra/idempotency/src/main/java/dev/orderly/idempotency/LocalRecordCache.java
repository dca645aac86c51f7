package dev.orderly.idempotency;

/**
 * The optional in-memory cache of completed records. An interface of its own so that {@link
 * Idempotency} never names Caffeine: a function that does not enable the cache does not load it,
 * and its jar may leave Caffeine out.
 */
interface LocalRecordCache {
  IdempotencyRecord getIfPresent(String key);

  void put(String key, IdempotencyRecord record);
}
