package dev.orderly.localcloud.events.internal;

import java.time.Duration;

/**
 * Deliveries not yet finished (delivered, dead-lettered or dropped), including those waiting for a
 * retry, so callers can wait until the bus is quiet.
 */
public final class InFlight {
  private int count;

  synchronized void begin() {
    count++;
  }

  synchronized void end() {
    count--;
    if (count == 0) {
      notifyAll();
    }
  }

  /** Waits until no delivery is in flight; false if {@code timeout} passed first. */
  public synchronized boolean awaitIdle(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (count > 0) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      try {
        wait(Math.max(1, left / 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }
}
