package dev.orderly.localcloud.lambda.internal;

import dev.orderly.lambda.config.Environment;
import dev.orderly.lambda.local.LocalContext;
import dev.orderly.localcloud.lambda.FunctionSpec;
import dev.orderly.localcloud.lambda.FunctionStats;
import dev.orderly.localcloud.spi.InvokeResult;
import dev.orderly.localcloud.spi.TooManyRequestsException;
import java.io.IOError;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One function at run time: its execution environments, created on demand (a cold start), reused
 * when idle (most recently used first), never shared by two invocations at once, and discarded
 * after an init failure, a timeout or a fatal error. Concurrency is bounded by the reserved
 * concurrency, or else by the account's unreserved pool; an invocation beyond it is throttled at
 * once. Counts what happened for {@link FunctionStats}.
 */
public final class FunctionRuntime {
  private static final Logger LOG = Logger.getLogger(FunctionRuntime.class.getName());
  private final FunctionSpec spec;
  private final String region;
  private final HandlerDefinition definition;
  private final Environment environment;
  private final Clock clock;
  private final Supplier<String> ids;
  private final Semaphore unreserved;
  private final int accountConcurrency;

  private final Object lock = new Object();
  private final Deque<ExecutionEnvironment> idle = new ArrayDeque<>();
  private final Set<ExecutionEnvironment> live = new HashSet<>();
  private int running;
  private int created;
  private boolean closed;
  private long invocations;
  private long errors;
  private long throttles;
  private long timeouts;
  private long coldStarts;
  private long injectedErrors;
  private Duration initDuration = Duration.ZERO;
  private int concurrentMax;
  private volatile InjectedErrors injected = new InjectedErrors(0, payload -> false);

  /**
   * @param unreserved the account's unreserved concurrency, which an unreserved function draws on
   */
  public FunctionRuntime(
      FunctionSpec spec,
      String region,
      HandlerDefinition definition,
      Environment environment,
      Clock clock,
      Supplier<String> ids,
      Semaphore unreserved,
      int accountConcurrency) {
    this.spec = spec;
    this.region = region;
    this.definition = definition;
    this.environment = environment;
    this.clock = clock;
    this.ids = ids;
    this.unreserved = unreserved;
    this.accountConcurrency = accountConcurrency;
  }

  public FunctionSpec spec() {
    return spec;
  }

  /**
   * Runs one invocation and waits for it (Lambda's RequestResponse).
   *
   * @throws TooManyRequestsException when the function's concurrency is in use
   */
  public InvokeResult invoke(byte[] payload) {
    if (injected.take(payload)) {
      synchronized (lock) {
        invocations++;
        errors++;
        injectedErrors++;
      }
      return InvokeResult.unhandled(ErrorDocuments.injected(spec.name()));
    }
    ExecutionEnvironment env = acquire();
    boolean keep = false;
    try {
      String requestId = ids.get();
      if (env == null) {
        env = newEnvironment();
        InvokeResult initError = coldStart(env, requestId);
        if (initError != null) {
          return initError;
        }
      }
      LocalContext context =
          LocalContext.builder(spec.name())
              .requestId(requestId)
              .region(region)
              .memoryMb(spec.memoryMb())
              .timeout(spec.timeout())
              .clock(clock)
              .build();
      Future<byte[]> response = env.invoke(definition.call(), payload, context);
      try {
        byte[] output = response.get(millisUntil(context.deadline()), TimeUnit.MILLISECONDS);
        keep = true;
        return InvokeResult.success(output);
      } catch (ExecutionException e) {
        Throwable thrown = e.getCause();
        keep = !(thrown instanceof VirtualMachineError || thrown instanceof IOError);
        count(false);
        return InvokeResult.unhandled(ErrorDocuments.unhandled(thrown));
      } catch (TimeoutException e) {
        count(true);
        return InvokeResult.unhandled(ErrorDocuments.timedOut(requestId, spec.timeout()));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancellationException("Interrupted while invoking " + spec.name());
    } finally {
      release(env, keep);
    }
  }

  /** Runs the handler's constructor; the invocation's error result if it failed, else null. */
  private InvokeResult coldStart(ExecutionEnvironment env, String requestId)
      throws InterruptedException {
    Instant start = clock.instant();
    Future<?> init = env.init(definition, environment);
    try {
      init.get(spec.timeout().toMillis(), TimeUnit.MILLISECONDS);
      return null;
    } catch (ExecutionException e) {
      count(false);
      Throwable thrown = e.getCause();
      return InvokeResult.unhandled(
          thrown instanceof InitFailure failure
              ? failure.document()
              : ErrorDocuments.unhandled(thrown));
    } catch (TimeoutException e) {
      count(true);
      return InvokeResult.unhandled(ErrorDocuments.timedOut(requestId, spec.timeout()));
    } finally {
      Duration took = Duration.between(start, clock.instant());
      synchronized (lock) {
        coldStarts++;
        initDuration = initDuration.plus(took.isNegative() ? Duration.ZERO : took);
      }
    }
  }

  private long millisUntil(Instant deadline) {
    return Math.max(0, Duration.between(clock.instant(), deadline).toMillis());
  }

  private ExecutionEnvironment acquire() {
    synchronized (lock) {
      if (closed) {
        throw new IllegalStateException("Function " + spec.name() + " is closed");
      }
      Integer reserved = spec.reservedConcurrency();
      if (reserved != null ? running >= reserved : !unreserved.tryAcquire()) {
        throttles++;
        throw new TooManyRequestsException(
            spec.name(), reserved != null ? reserved : accountConcurrency);
      }
      running++;
      invocations++;
      concurrentMax = Math.max(concurrentMax, running);
      return idle.pollFirst();
    }
  }

  private ExecutionEnvironment newEnvironment() {
    synchronized (lock) {
      ExecutionEnvironment env =
          new ExecutionEnvironment("lambda-" + spec.name() + "-" + ++created);
      live.add(env);
      return env;
    }
  }

  private void release(ExecutionEnvironment env, boolean keep) {
    synchronized (lock) {
      running--;
      if (spec.reservedConcurrency() == null) {
        unreserved.release();
      }
      if (env == null) {
        return;
      }
      if (keep && !closed) {
        idle.addFirst(env);
      } else {
        live.remove(env);
        env.destroy();
      }
    }
  }

  private void count(boolean timedOut) {
    synchronized (lock) {
      errors++;
      if (timedOut) {
        timeouts++;
      }
    }
  }

  /**
   * Fault injection: the next {@code count} invocations whose payload (UTF-8) {@code matches} fail
   * with an {@link ErrorDocuments#INJECTED_ERROR} function error instead of running the handler;
   * replaces any injection still pending on this function.
   */
  public void injectErrors(int count, Predicate<String> matches) {
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative: " + count);
    }
    injected = new InjectedErrors(count, Objects.requireNonNull(matches, "matches"));
  }

  private static final class InjectedErrors {
    private final AtomicInteger left;
    private final Predicate<String> matches;

    InjectedErrors(int count, Predicate<String> matches) {
      this.left = new AtomicInteger(count);
      this.matches = matches;
    }

    boolean take(byte[] payload) {
      return left.get() > 0 && matches(payload) && left.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
    }

    /** A predicate that throws (a payload it did not expect) matches nothing. */
    private boolean matches(byte[] payload) {
      try {
        return matches.test(new String(payload, StandardCharsets.UTF_8));
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "fault injection: the payload predicate failed; not injecting", e);
        return false;
      }
    }
  }

  public FunctionStats stats() {
    synchronized (lock) {
      return new FunctionStats(
          invocations,
          errors,
          throttles,
          timeouts,
          coldStarts,
          initDuration,
          concurrentMax,
          injectedErrors);
    }
  }

  /** Discards every execution environment, interrupting invocations still running. */
  public void close() {
    synchronized (lock) {
      closed = true;
      live.forEach(ExecutionEnvironment::destroy);
      live.clear();
      idle.clear();
    }
  }
}
