package dev.orderly.orders.testing;

import dev.orderly.orders.domain.Ids;
import java.util.concurrent.atomic.AtomicInteger;

/** Ids {@code <prefix>-1}, {@code <prefix>-2}, ...: predictable order and event ids. */
public final class SequentialIds implements Ids {
  private final String prefix;
  private final AtomicInteger next = new AtomicInteger();

  public SequentialIds(String prefix) {
    this.prefix = prefix;
  }

  @Override
  public String next() {
    return prefix + "-" + next.incrementAndGet();
  }
}
