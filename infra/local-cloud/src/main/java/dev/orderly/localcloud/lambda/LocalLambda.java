package dev.orderly.localcloud.lambda;

import dev.orderly.lambda.aws.InJvmEndpoints;
import dev.orderly.lambda.config.Environment;
import dev.orderly.localcloud.lambda.internal.FunctionRef;
import dev.orderly.localcloud.lambda.internal.FunctionRuntime;
import dev.orderly.localcloud.lambda.internal.HandlerDefinition;
import dev.orderly.localcloud.lambda.internal.LambdaVariables;
import dev.orderly.localcloud.lambda.internal.Serializers;
import dev.orderly.localcloud.lambda.internal.StepFunctionsAdapter;
import dev.orderly.localcloud.spi.FunctionInvoker;
import dev.orderly.localcloud.spi.FunctionNotFoundException;
import dev.orderly.localcloud.spi.InvokeResult;
import dev.orderly.localcloud.spi.TooManyRequestsException;
import dev.orderly.stepfunctions.LambdaFunction;
import dev.orderly.stepfunctions.LambdaFunctions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The local cloud's Lambda: Orderly's handlers run in-process the way the Lambda Java runtime runs
 * them. Each function gets execution environments (one handler instance, built through its public
 * no-arg constructor with the function's own environment, on its own thread), created at a cold
 * start, reused warm, never shared by concurrent invocations; requests and responses go through the
 * runtime's serializers; uncaught exceptions, init failures and timeouts come back as the error
 * documents Lambda returns; reserved and account concurrency throttle as Lambda does.
 *
 * <p>Functions are found by name, partial ARN or full ARN, with or without a qualifier (every
 * qualifier runs the one {@code $LATEST}); an ARN of another region or account finds nothing.
 */
public final class LocalLambda implements FunctionInvoker, AutoCloseable {
  private final String region;
  private final String accountId;
  private final Map<String, FunctionRuntime> functions;
  private final ExecutorService events;

  private LocalLambda(Builder b) {
    this.region = b.region;
    this.accountId = b.accountId;
    int reservedTotal =
        b.specs.values().stream()
            .map(FunctionSpec::reservedConcurrency)
            .filter(Objects::nonNull)
            .mapToInt(Integer::intValue)
            .sum();
    if (reservedTotal > b.accountConcurrency) {
      throw new IllegalArgumentException(
          "Reserved concurrency in total ("
              + reservedTotal
              + ") exceeds the account's concurrency ("
              + b.accountConcurrency
              + ")");
    }
    Semaphore unreserved = new Semaphore(b.accountConcurrency - reservedTotal);
    Serializers serializers = new Serializers(b.classLoader);
    Map<String, FunctionRuntime> runtimes = new LinkedHashMap<>();
    for (FunctionSpec spec : b.specs.values()) {
      HandlerDefinition definition;
      try {
        definition = HandlerDefinition.resolve(spec.handler(), b.classLoader, serializers);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("Function " + spec.name() + ": " + e.getMessage(), e);
      }
      Map<String, String> variables =
          LambdaVariables.of(spec, region, b.accessKeyId, b.secretAccessKey);
      Environment environment =
          b.inJvmEndpoints == null
              ? Environment.of(variables)
              : Environment.of(variables, b.inJvmEndpoints);
      runtimes.put(
          spec.name(),
          new FunctionRuntime(
              spec,
              region,
              definition,
              environment,
              b.clock,
              b.ids,
              unreserved,
              b.accountConcurrency));
    }
    this.functions = Map.copyOf(runtimes);
    AtomicInteger threads = new AtomicInteger();
    this.events =
        Executors.newCachedThreadPool(
            runnable -> {
              Thread thread = new Thread(runnable, "lambda-event-" + threads.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * {@inheritDoc}
   *
   * @throws FunctionNotFoundException when no function has that name (or the ARN is of another
   *     region or account)
   * @throws TooManyRequestsException when the function's reserved concurrency, or the account's
   *     unreserved concurrency, is all in use
   */
  @Override
  public InvokeResult invoke(String functionNameOrArn, byte[] payload) {
    Objects.requireNonNull(payload, "payload");
    return runtime(functionNameOrArn).invoke(payload.clone());
  }

  /**
   * Lambda's {@code Event} invocation: the function is looked up now (an unknown one throws at
   * once, as Invoke answers 404), run on another thread. Unlike Lambda, nothing is retried: the
   * future fails with {@link TooManyRequestsException} on a throttle, and a function error is its
   * result.
   */
  @Override
  public CompletableFuture<InvokeResult> invokeAsync(String functionNameOrArn, byte[] payload) {
    FunctionRuntime runtime = runtime(functionNameOrArn);
    byte[] copy = payload.clone();
    return CompletableFuture.supplyAsync(() -> runtime.invoke(copy), events);
  }

  /** The function {@code nameOrArn} names, if there is one. */
  public Optional<FunctionSpec> function(String nameOrArn) {
    return find(nameOrArn).map(FunctionRuntime::spec);
  }

  /** Every function, by name (as ListFunctions orders them). */
  public List<FunctionSpec> functions() {
    List<FunctionSpec> specs = new ArrayList<>();
    functions.values().forEach(runtime -> specs.add(runtime.spec()));
    specs.sort(Comparator.comparing(FunctionSpec::name));
    return List.copyOf(specs);
  }

  /** What the function has done so far. */
  public FunctionStats stats(String nameOrArn) {
    return runtime(nameOrArn).stats();
  }

  /**
   * Fault injection: the next {@code count} invocations of the function, from any caller, fail with
   * a function error of type {@code LocalCloud.InjectedError} without running its handler; 0 stops
   * failing them. A saga's Task states catch it as any other error ({@code States.ALL}). One
   * injection per function: a new one replaces what is left of the last.
   */
  public void injectErrors(String nameOrArn, int count) {
    injectErrors(nameOrArn, count, payload -> true);
  }

  /**
   * As {@link #injectErrors(String, int)}, counting only the invocations whose payload matches
   * (e.g. one tenant's), so that others running at the same time are not hit.
   */
  public void injectErrors(String nameOrArn, int count, Predicate<String> payloadMatches) {
    runtime(nameOrArn).injectErrors(count, payloadMatches);
  }

  /** The function's ARN, {@code arn:aws:lambda:<region>:<account>:function:<name>}. */
  public String functionArn(String name) {
    return FunctionRef.arn(region, accountId, name);
  }

  public String region() {
    return region;
  }

  public String accountId() {
    return accountId;
  }

  /**
   * These functions as the Step Functions engine invokes them (Task states on {@code
   * arn:aws:states:::lambda:invoke}): in-process, a function error thrown with its error type.
   */
  public LambdaFunctions asStepFunctionsFunctions() {
    return nameOrArn ->
        find(nameOrArn).map(runtime -> (LambdaFunction) new StepFunctionsAdapter(runtime::invoke));
  }

  /** Discards every execution environment and stops running Event invocations. */
  @Override
  public void close() {
    events.shutdownNow();
    functions.values().forEach(FunctionRuntime::close);
  }

  private FunctionRuntime runtime(String nameOrArn) {
    return find(nameOrArn)
        .orElseThrow(
            () ->
                new FunctionNotFoundException(
                    FunctionRef.parse(nameOrArn)
                        .map(ref -> ref.arn(region, accountId))
                        .orElse(String.valueOf(nameOrArn))));
  }

  private Optional<FunctionRuntime> find(String nameOrArn) {
    return FunctionRef.parse(nameOrArn)
        .filter(ref -> ref.in(region, accountId))
        .map(ref -> functions.get(ref.name()));
  }

  /**
   * Region {@code us-east-1}, account {@code 000000000000}, the system clock, random request ids,
   * an account concurrency of 1000 and credentials {@code local}/{@code local} (standing in for the
   * execution role's, which Lambda puts in the environment) unless told otherwise.
   */
  public static final class Builder {
    private String region = "us-east-1";
    private String accountId = "000000000000";
    private Clock clock = Clock.systemUTC();
    private Supplier<String> ids = () -> UUID.randomUUID().toString();
    private int accountConcurrency = 1000;
    private String accessKeyId = "local";
    private String secretAccessKey = "local";
    private ClassLoader classLoader = LocalLambda.class.getClassLoader();
    private InJvmEndpoints inJvmEndpoints;
    private final Map<String, FunctionSpec> specs = new LinkedHashMap<>();

    private Builder() {}

    public Builder region(String region) {
      this.region = Objects.requireNonNull(region, "region");
      return this;
    }

    public Builder accountId(String accountId) {
      if (!Objects.requireNonNull(accountId, "accountId").matches("\\d{12}")) {
        throw new IllegalArgumentException("accountId must be 12 digits, was " + accountId);
      }
      this.accountId = accountId;
      return this;
    }

    /** The clock of contexts' deadlines and timeouts, and of init durations. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Request ids, one per invocation. */
    public Builder ids(Supplier<String> ids) {
      this.ids = Objects.requireNonNull(ids, "ids");
      return this;
    }

    /** The account's concurrency limit; unreserved functions share what reservations leave. */
    public Builder accountConcurrency(int accountConcurrency) {
      if (accountConcurrency < 1) {
        throw new IllegalArgumentException(
            "accountConcurrency must be positive, was " + accountConcurrency);
      }
      this.accountConcurrency = accountConcurrency;
      return this;
    }

    /** The credentials every function finds in its environment, unless it sets its own. */
    public Builder credentials(String accessKeyId, String secretAccessKey) {
      this.accessKeyId = Objects.requireNonNull(accessKeyId, "accessKeyId");
      this.secretAccessKey = Objects.requireNonNull(secretAccessKey, "secretAccessKey");
      return this;
    }

    /**
     * Endpoints served inside this JVM, handed to every function through its environment so that
     * its AWS clients reach them without a socket (none by default: every call goes over HTTP).
     */
    public Builder inJvmEndpoints(InJvmEndpoints endpoints) {
      this.inJvmEndpoints = Objects.requireNonNull(endpoints, "endpoints");
      return this;
    }

    /** Where handler classes are loaded from (this class's loader by default). */
    public Builder classLoader(ClassLoader classLoader) {
      this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
      return this;
    }

    public Builder function(FunctionSpec spec) {
      Objects.requireNonNull(spec, "spec");
      if (specs.putIfAbsent(spec.name(), spec) != null) {
        throw new IllegalArgumentException("Function " + spec.name() + " is given twice");
      }
      return this;
    }

    public Builder functions(Iterable<FunctionSpec> specs) {
      specs.forEach(this::function);
      return this;
    }

    /**
     * @throws IllegalArgumentException when a handler cannot be resolved (class not found, no
     *     handler interface or method, no public no-arg constructor), a function sets a variable
     *     Lambda sets itself, or reservations exceed the account's concurrency
     */
    public LocalLambda build() {
      return new LocalLambda(this);
    }
  }
}
