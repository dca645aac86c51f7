package dev.orderly.stepfunctions.internal.interpreter;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderly.stepfunctions.Scheduler;
import dev.orderly.stepfunctions.internal.Futures;
import dev.orderly.stepfunctions.internal.errors.ErrorNames;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * One execution or branch: its history, its deadline (the execution's TimeoutSeconds) and its
 * cancellation (StopExecution, or a sibling branch's failure).
 */
final class Run {
  final Instant deadline;
  final CompletableFuture<ExecutionAbort> cancelled;
  final History history;
  private final Scheduler scheduler;

  Run(
      Scheduler scheduler,
      Instant deadline,
      CompletableFuture<ExecutionAbort> cancelled,
      History history) {
    this.scheduler = scheduler;
    this.deadline = deadline;
    this.cancelled = cancelled;
    this.history = history;
  }

  Run child() {
    Run child = new Run(scheduler, deadline, new CompletableFuture<>(), history);
    cancelled.thenAccept(child.cancelled::complete);
    return child;
  }

  void event(String type, String stateName, ObjectNode details) {
    history.add(scheduler.now(), type, stateName, details == null ? null : () -> details);
  }

  void event(String type, String stateName) {
    history.add(scheduler.now(), type, stateName, null);
  }

  /** An event whose details are built only if someone reads the history. */
  void event(String type, String stateName, Supplier<ObjectNode> details) {
    history.add(scheduler.now(), type, stateName, details);
  }

  void check() {
    if (cancelled.isDone()) {
      throw cancelled.join();
    }
    if (deadline != null && !scheduler.now().isBefore(deadline)) {
      throw timedOut();
    }
  }

  ExecutionAbort timedOut() {
    return new ExecutionAbort(
        ExecutionAbort.TIMED_OUT, ErrorNames.TIMEOUT, "The execution timed out.");
  }

  /** Waits for work, by a task deadline (TimeoutException) and the execution's own limits. */
  <T> T await(CompletableFuture<T> work, Instant taskDeadline) throws TimeoutException {
    check();
    Instant limit = earliest(taskDeadline, deadline);
    CompletableFuture<Object> either = CompletableFuture.anyOf(work, cancelled);
    try {
      scheduler.await(either, limit);
    } catch (TimeoutException e) {
      if (deadline != null && !scheduler.now().isBefore(deadline)) {
        throw timedOut();
      }
      throw e;
    } catch (RuntimeException e) {
      if (!work.isDone()) {
        throw e;
      }
    }
    if (!work.isDone()) {
      throw cancelled.join();
    }
    try {
      return work.join();
    } catch (RuntimeException e) {
      throw Futures.unwrap(e);
    }
  }

  void sleep(Duration duration) {
    if (duration.isNegative() || duration.isZero()) {
      return;
    }
    try {
      await(scheduler.after(duration), null);
    } catch (TimeoutException e) {
      throw new IllegalStateException("a wait without a deadline timed out", e);
    }
  }

  static Instant earliest(Instant a, Instant b) {
    if (a == null) {
      return b;
    }
    return b == null || a.isBefore(b) ? a : b;
  }
}
