package dev.orderly.localcloud.mappings;

/** Where a stream mapping starts reading each shard, as Lambda's {@code StartingPosition}. */
public enum StartingPosition {
  /** The oldest record still held (24 hours of them). */
  TRIM_HORIZON,
  /** Only records written after the mapping started. */
  LATEST
}
