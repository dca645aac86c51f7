package dev.orderly.localcloud.events;

import dev.orderly.localcloud.events.internal.Arns;
import dev.orderly.localcloud.events.internal.Backoff;
import dev.orderly.localcloud.events.internal.Counters;
import dev.orderly.localcloud.events.internal.Dispatcher;
import dev.orderly.localcloud.events.internal.EventBridgeService;
import dev.orderly.localcloud.events.internal.InFlight;
import dev.orderly.localcloud.events.internal.SfnStarter;
import dev.orderly.localcloud.events.internal.TargetRouter;
import dev.orderly.localcloud.events.internal.http.EventsApi;
import dev.orderly.localcloud.http.AwsJsonServer;
import dev.orderly.localcloud.spi.FunctionInvoker;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The local cloud's EventBridge: event buses whose rules match events with AWS's own event-ruler
 * and deliver them asynchronously to SQS queues, Lambda functions and Step Functions state
 * machines, with retries, backoff and dead-letter queues; served to the SDK's {@code
 * EventBridgeClient} and the AWS CLI on loopback (AWS JSON 1.1).
 *
 * <p>Rules are configured in-process ({@link #putRule}); the API also answers PutEvents, PutRule,
 * PutTargets, ListRules, DescribeRule, ListTargetsByRule, CreateEventBus, DescribeEventBus and
 * ListEventBuses.
 */
public final class LocalEventBridge implements AutoCloseable {
  private static final int DELIVERY_THREADS = 8;

  private final EventBridgeService service;
  private final Counters counters;
  private final InFlight inFlight;
  private final ExecutorService deliveries;
  private final ScheduledExecutorService timer;
  private final int port;
  private AwsJsonServer server;

  private LocalEventBridge(Builder builder) {
    this.counters = new Counters();
    this.inFlight = new InFlight();
    // Bounded: a burst of PutEvents must not open a connection per delivery to the local SQS.
    this.deliveries =
        Executors.newFixedThreadPool(DELIVERY_THREADS, daemon("eventbridge-delivery"));
    DelayScheduler scheduler = builder.scheduler;
    if (scheduler == null) {
      this.timer = Executors.newSingleThreadScheduledExecutor(daemon("eventbridge-retry"));
      scheduler = (delay, task) -> timer.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
    } else {
      this.timer = null;
    }
    TargetRouter router =
        new TargetRouter(
            builder.targets, builder.sqs, builder.queueUrls, builder.functions, builder.starter);
    Dispatcher dispatcher =
        new Dispatcher(
            deliveries,
            scheduler,
            builder.clock,
            new Backoff(builder.backoffBase, builder.backoffMax, builder.random),
            router,
            counters,
            inFlight);
    this.service =
        new EventBridgeService(
            new Arns(builder.region, builder.accountId),
            builder.clock,
            builder.ids,
            router,
            dispatcher,
            counters);
    this.port = builder.port;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Creates a custom bus; {@code default} always exists.
   *
   * @return its ARN
   */
  public String createBus(String name) {
    return service.createBus(name).arn();
  }

  /**
   * Creates or replaces a rule with exactly these targets.
   *
   * @return the rule's ARN
   * @throws InvalidEventPatternException when event-ruler refuses the pattern
   * @throws ResourceNotFoundException when the bus does not exist
   * @throws EventBridgeException (ValidationException) for a target this bus cannot deliver to, or
   *     an InputPath, InputTransformer or DLQ it cannot use
   */
  public String putRule(RuleSpec rule) {
    return service.putRule(rule).arn();
  }

  /** Starts the API on loopback (once) and returns its endpoint. */
  public synchronized URI start() {
    if (server == null) {
      EventsApi api = new EventsApi(service);
      server =
          new AwsJsonServer(
              "events",
              "InternalException",
              (target, request) -> {
                try {
                  return api.dispatch(target, request);
                } catch (EventBridgeException e) {
                  throw new AwsJsonServer.Error(e.errorCode(), e.getMessage(), 400);
                }
              },
              port);
    }
    return endpoint();
  }

  /**
   * Serves one EventBridge JSON-protocol request without a socket, as {@link #endpoint()} does
   * ({@code target} is the {@code X-Amz-Target} header, e.g. {@code AWSEvents.PutEvents}).
   */
  public AwsJsonServer.Answer serve(String target, byte[] body) {
    AwsJsonServer started;
    synchronized (this) {
      if (server == null) {
        throw new IllegalStateException("the EventBridge API is not started: call start()");
      }
      started = server;
    }
    return started.answer(target, body);
  }

  /** The API's endpoint, e.g. {@code http://127.0.0.1:54321}. */
  public synchronized URI endpoint() {
    if (server == null) {
      throw new IllegalStateException("the EventBridge API is not started: call start()");
    }
    return URI.create("http://127.0.0.1:" + server.port());
  }

  /**
   * Waits until every delivery has finished (delivered, dead-lettered or dropped), retries
   * included.
   *
   * @return false when {@code timeout} passed first
   */
  public boolean awaitIdle(Duration timeout) {
    return inFlight.awaitIdle(timeout);
  }

  public EventBridgeStats stats() {
    return counters.snapshot();
  }

  @Override
  public synchronized void close() {
    if (server != null) {
      server.close();
      server = null;
    }
    if (timer != null) {
      timer.shutdownNow();
    }
    deliveries.shutdownNow();
  }

  private static ThreadFactory daemon(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }

  /** Configures a {@link LocalEventBridge}; only the clients for the targets used are needed. */
  public static final class Builder {
    private String region = "us-east-1";
    private String accountId = "000000000000";
    private Clock clock = Clock.systemUTC();
    private Supplier<String> ids = () -> UUID.randomUUID().toString();
    private SqsClient sqs;
    private Function<String, String> queueUrls;
    private FunctionInvoker functions;
    private StateMachineStarter starter;
    private final Map<String, EventTarget> targets = new HashMap<>();
    private DelayScheduler scheduler;
    private RandomGenerator random = RandomGenerator.getDefault();
    private Duration backoffBase = Duration.ofSeconds(1);
    private Duration backoffMax = Duration.ofMinutes(5);
    private int port;

    private Builder() {}

    public Builder region(String region) {
      this.region = Objects.requireNonNull(region);
      return this;
    }

    public Builder accountId(String accountId) {
      this.accountId = Objects.requireNonNull(accountId);
      return this;
    }

    /** The clock for event times, ingestion and event age. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock);
      return this;
    }

    /** Event ids (UUIDs by default). */
    public Builder ids(Supplier<String> ids) {
      this.ids = Objects.requireNonNull(ids);
      return this;
    }

    /** The client SQS targets and dead-letter queues are sent through. */
    public Builder sqs(SqsClient sqs) {
      this.sqs = sqs;
      return this;
    }

    /** A queue's URL from its ARN. */
    public Builder queueUrls(Function<String, String> queueUrls) {
      this.queueUrls = queueUrls;
      return this;
    }

    /** How Lambda targets are invoked ({@link FunctionInvoker#invokeAsync}). */
    public Builder functions(FunctionInvoker functions) {
      this.functions = functions;
      return this;
    }

    /** How state-machine targets are started. */
    public Builder stateMachines(StateMachineStarter starter) {
      this.starter = starter;
      return this;
    }

    /** State-machine targets started through an SfnClient (StartExecution). */
    public Builder stateMachines(SfnClient sfn) {
      this.starter = new SfnStarter(sfn);
      return this;
    }

    /** A target for this exact ARN, in place of the one its kind would get. */
    public Builder target(String arn, EventTarget target) {
      targets.put(Objects.requireNonNull(arn), Objects.requireNonNull(target));
      return this;
    }

    /** Runs retries after their delay (a ScheduledExecutorService by default). */
    public Builder scheduler(DelayScheduler scheduler) {
      this.scheduler = scheduler;
      return this;
    }

    /** The jitter's randomness. */
    public Builder random(RandomGenerator random) {
      this.random = Objects.requireNonNull(random);
      return this;
    }

    /** Retry {@code n} waits up to {@code min(max, base * 2^(n-1))}: 1 s and 5 min by default. */
    public Builder backoff(Duration base, Duration max) {
      this.backoffBase = Objects.requireNonNull(base);
      this.backoffMax = Objects.requireNonNull(max);
      return this;
    }

    /** The API's loopback port; 0 (the default) picks a free one. */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    public LocalEventBridge build() {
      return new LocalEventBridge(this);
    }
  }
}
