package dev.orderly.orders.domain;

import java.util.UUID;

/** Where new order and event ids come from: random UUIDs in a function, a sequence in tests. */
@FunctionalInterface
public interface Ids {
  String next();

  static Ids uuids() {
    return () -> UUID.randomUUID().toString();
  }
}
