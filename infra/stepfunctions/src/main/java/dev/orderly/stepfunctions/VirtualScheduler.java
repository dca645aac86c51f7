package dev.orderly.stepfunctions;

import dev.orderly.stepfunctions.internal.Futures;
import java.time.Duration;
import java.time.Instant;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;

/**
 * Virtual time for tests: a discrete-event clock. Timers wait in due order; {@link #await} fires
 * them one by one (moving the clock to each) until the awaited work completes, and when no timer is
 * due before the deadline it moves the clock to the deadline and times out at once. So a Wait of a
 * day, a retry backoff or a heartbeat timeout costs nothing and always ends the same way.
 *
 * <p>The world is closed: whatever will complete the awaited work must be a timer of this scheduler
 * or already done (a task stub answering "after 30 s" is {@code after(30 s) .thenApply(...)}). Work
 * completed from another thread (a test sending a task token) is awaited for real only when there
 * is no deadline. Meant for one execution thread at a time.
 */
public final class VirtualScheduler implements Scheduler {
  private record Timer(Instant due, long sequence, CompletableFuture<Void> future)
      implements Comparable<Timer> {
    @Override
    public int compareTo(Timer other) {
      int byDue = due.compareTo(other.due);
      return byDue != 0 ? byDue : Long.compare(sequence, other.sequence);
    }
  }

  private final PriorityQueue<Timer> timers = new PriorityQueue<>();
  private Instant now;
  private long sequence;

  public VirtualScheduler(Instant start) {
    this.now = start;
  }

  @Override
  public synchronized Instant now() {
    return now;
  }

  /** Moves the clock forward without firing timers (for tests stepping time by hand). */
  public synchronized void advance(Duration duration) {
    now = now.plus(duration);
  }

  @Override
  public synchronized CompletableFuture<Void> after(Duration delay) {
    if (delay.isNegative() || delay.isZero()) {
      return CompletableFuture.completedFuture(null);
    }
    CompletableFuture<Void> future = new CompletableFuture<>();
    timers.add(new Timer(now.plus(delay), sequence++, future));
    return future;
  }

  @Override
  public <T> T await(CompletableFuture<T> work, Instant deadline) throws TimeoutException {
    while (!work.isDone()) {
      Timer next;
      synchronized (this) {
        next = timers.peek();
        if (next == null || (deadline != null && next.due().isAfter(deadline))) {
          if (deadline == null) {
            break;
          }
          if (deadline.isAfter(now)) {
            now = deadline;
          }
          throw new TimeoutException();
        }
        timers.poll();
        if (next.due().isAfter(now)) {
          now = next.due();
        }
      }
      next.future().complete(null);
    }
    try {
      return work.join();
    } catch (CompletionException e) {
      throw Futures.unwrap(e);
    }
  }
}
