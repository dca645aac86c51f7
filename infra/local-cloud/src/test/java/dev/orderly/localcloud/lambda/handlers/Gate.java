package dev.orderly.localcloud.lambda.handlers;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A latch a test shares with handlers the runtime builds itself (so it cannot hand them one): a
 * handler given the gate's id waits in {@link #pass} until the test opens it, and the test waits,
 * bounded, until the expected number of invocations are inside.
 */
public final class Gate {
  private static final Map<String, Gate> GATES = new ConcurrentHashMap<>();

  private final String id = UUID.randomUUID().toString();
  private final Semaphore inside = new Semaphore(0);
  private final CountDownLatch open = new CountDownLatch(1);
  private final CountDownLatch interrupted = new CountDownLatch(1);

  public static Gate create() {
    Gate gate = new Gate();
    GATES.put(gate.id, gate);
    return gate;
  }

  static Gate get(String id) {
    Gate gate = GATES.get(id);
    if (gate == null) {
      throw new IllegalArgumentException("no gate " + id);
    }
    return gate;
  }

  public String id() {
    return id;
  }

  /** Waits (at most 10 s) until {@code n} invocations have arrived. */
  public boolean awaitInside(int n) throws InterruptedException {
    return inside.tryAcquire(n, 10, TimeUnit.SECONDS);
  }

  public void open() {
    open.countDown();
    GATES.remove(id);
  }

  /** Waits (at most 10 s) until a handler waiting here was interrupted. */
  public boolean awaitInterrupted() throws InterruptedException {
    return interrupted.await(10, TimeUnit.SECONDS);
  }

  void pass() {
    inside.release();
    try {
      if (!open.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("gate " + id + " was never opened");
      }
    } catch (InterruptedException e) {
      interrupted.countDown();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted at gate " + id, e);
    }
  }
}
