package dev.orderly.stepfunctions;

import dev.orderly.stepfunctions.internal.Futures;
import dev.orderly.stepfunctions.internal.http.SfnApi;
import dev.orderly.stepfunctions.internal.http.SfnHttpServer;
import dev.orderly.stepfunctions.internal.integrations.ServiceIntegrations;
import dev.orderly.stepfunctions.internal.interpreter.ExecutionResult;
import dev.orderly.stepfunctions.internal.interpreter.HistoryEvent;
import dev.orderly.stepfunctions.internal.interpreter.Interpreter;
import dev.orderly.stepfunctions.internal.interpreter.TaskInvoker;
import dev.orderly.stepfunctions.internal.interpreter.TaskTokens;
import dev.orderly.stepfunctions.internal.intrinsics.IntrinsicFunctions;
import dev.orderly.stepfunctions.internal.service.Execution;
import dev.orderly.stepfunctions.internal.service.StepFunctionsService;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Step Functions on one machine: the ASL interpreter behind the Step Functions JSON API on loopback
 * (so {@code SfnClient} and the AWS CLI work unchanged), and the same operations in process.
 * Executions, Parallel branches, Map iterations and tasks run on a pool of daemon threads; time
 * comes from the {@link Scheduler} (real by default).
 *
 * <pre>{@code
 * try (StepFunctionsEngine engine = StepFunctionsEngine.builder().tasks(invoker).start()) {
 *   String machine = engine.createStateMachine("order-saga", definitionJson);
 *   String execution = engine.startExecution(machine, "order-1", "{}");
 *   ExecutionOutcome outcome = engine.awaitExecution(execution, Duration.ofSeconds(10));
 * }
 * }</pre>
 */
public final class StepFunctionsEngine implements AutoCloseable {
  public static final String LOCAL_ROLE = "arn:aws:iam::000000000000:role/orderly-local";

  private final StepFunctionsService service;
  private final SfnHttpServer server;
  private final List<AutoCloseable> owned;
  private final ExecutorService pool;
  private final String region;

  private StepFunctionsEngine(Builder builder) {
    AtomicInteger threads = new AtomicInteger();
    this.pool =
        Executors.newCachedThreadPool(
            runnable -> {
              Thread thread = new Thread(runnable, "stepfunctions-" + threads.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    TaskTokens tokens = new TaskTokens(builder.ids);
    this.owned = new ArrayList<>();
    TaskInvoker tasks = builder.tasks != null ? builder.tasks : integrations(builder, owned);
    Interpreter interpreter =
        Interpreter.builder()
            .intrinsics(builder.intrinsics)
            .tasks(tasks)
            .scheduler(builder.scheduler)
            .branchExecutor(pool)
            .taskExecutor(pool)
            .tokens(tokens)
            .build();
    this.region = builder.region;
    this.service =
        new StepFunctionsService(
            builder.region,
            builder.accountId,
            interpreter,
            builder.scheduler,
            tokens,
            pool,
            builder.ids);
    this.server = new SfnHttpServer(new SfnApi(service), builder.port);
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Lambda tasks on the registered functions (one not registered fails as Lambda reports a missing
   * function); the optimised DynamoDB / SQS / EventBridge integrations on clients for the
   * configured endpoints, built here (url-connection-client, static local credentials) and closed
   * with the engine.
   */
  private static TaskInvoker integrations(Builder builder, List<AutoCloseable> owned) {
    ServiceIntegrations.Builder integrations =
        ServiceIntegrations.builder(builder.lambdas)
            .region(builder.region)
            .accountId(builder.accountId);
    Region region = Region.of(builder.region);
    StaticCredentialsProvider credentials =
        StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
    if (builder.dynamoDbEndpoint != null) {
      DynamoDbClient client =
          DynamoDbClient.builder()
              .endpointOverride(builder.dynamoDbEndpoint)
              .region(region)
              .credentialsProvider(credentials)
              .httpClient(UrlConnectionHttpClient.create())
              .build();
      owned.add(client);
      integrations.dynamoDb(client);
    }
    if (builder.sqsEndpoint != null) {
      SqsClient client =
          SqsClient.builder()
              .endpointOverride(builder.sqsEndpoint)
              .region(region)
              .credentialsProvider(credentials)
              .httpClient(UrlConnectionHttpClient.create())
              .build();
      owned.add(client);
      integrations.sqs(client);
    }
    if (builder.eventBridgeEndpoint != null) {
      EventBridgeClient client =
          EventBridgeClient.builder()
              .endpointOverride(builder.eventBridgeEndpoint)
              .region(region)
              .credentialsProvider(credentials)
              .httpClient(UrlConnectionHttpClient.create())
              .build();
      owned.add(client);
      integrations.eventBridge(client);
    }
    return integrations.build();
  }

  /** The loopback endpoint for SDK clients and the CLI ({@code --endpoint-url}). */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.port());
  }

  /**
   * Serves one Step Functions JSON-protocol request without a socket, exactly as {@link
   * #endpoint()} would: {@code target} is the {@code X-Amz-Target} header ({@code
   * AWSStepFunctions.StartExecution}), {@code body} the request body.
   */
  public Response serve(String target, byte[] body) {
    SfnHttpServer.Answer answer = server.answer(target, body);
    return new Response(answer.status(), answer.body());
  }

  /** What the endpoint answers: the HTTP status and the JSON body. */
  public record Response(int status, byte[] body) {
    /** The body's content type. */
    public static final String CONTENT_TYPE = SfnHttpServer.Answer.CONTENT_TYPE;
  }

  public int port() {
    return server.port();
  }

  public String region() {
    return region;
  }

  /** CreateStateMachine (STANDARD, the local role); the state machine's ARN. */
  public String createStateMachine(String name, String definition) {
    return service.createStateMachine(name, definition, LOCAL_ROLE, "STANDARD").arn();
  }

  /** StartExecution with Standard-workflow name semantics; the execution's ARN. */
  public String startExecution(String stateMachineArn, String name, String input) {
    return service.startExecution(stateMachineArn, name, input).arn();
  }

  public ExecutionOutcome describeExecution(String executionArn) {
    return outcome(service.execution(executionArn));
  }

  /** Waits for the execution to end, up to {@code timeout} (then answers it RUNNING). */
  public ExecutionOutcome awaitExecution(String executionArn, Duration timeout) {
    Execution execution = service.execution(executionArn);
    try {
      execution.completion().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      // still running: answered as such
    } catch (ExecutionException e) {
      throw Futures.unwrap(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return outcome(execution);
  }

  public List<HistoryEvent> history(String executionArn) {
    return service.execution(executionArn).history();
  }

  public void stopExecution(String executionArn, String error, String cause) {
    service.stopExecution(executionArn, error, cause);
  }

  public void sendTaskSuccess(String taskToken, String output) {
    service.sendTaskSuccess(taskToken, output);
  }

  public void sendTaskFailure(String taskToken, String error, String cause) {
    service.sendTaskFailure(taskToken, error, cause);
  }

  public void sendTaskHeartbeat(String taskToken) {
    service.sendTaskHeartbeat(taskToken);
  }

  private static ExecutionOutcome outcome(Execution execution) {
    ExecutionResult result = execution.result();
    if (result == null) {
      return new ExecutionOutcome(execution.arn(), "RUNNING", null, null, null);
    }
    return new ExecutionOutcome(
        execution.arn(),
        result.status(),
        result.output() == null ? null : result.output().toString(),
        result.error(),
        result.cause());
  }

  @Override
  public void close() {
    server.close();
    pool.shutdownNow();
    for (AutoCloseable resource : owned) {
      try {
        resource.close();
      } catch (Exception e) {
        throw new IllegalStateException("closing " + resource + " failed", e);
      }
    }
  }

  public static final class Builder {
    private int port;
    private String region = "us-east-1";
    private String accountId = "000000000000";
    private Scheduler scheduler = Scheduler.real(Clock.systemUTC());
    private TaskInvoker tasks;
    private LambdaFunctions lambdas = LambdaFunctions.of(java.util.Map.of());
    private URI dynamoDbEndpoint;
    private URI sqsEndpoint;
    private URI eventBridgeEndpoint;
    private IntrinsicFunctions intrinsics = IntrinsicFunctions.withDefaults();
    private Supplier<String> ids = () -> UUID.randomUUID().toString();

    private Builder() {}

    /** The loopback port (0: any free port). */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    public Builder region(String region) {
      this.region = Objects.requireNonNull(region, "region");
      return this;
    }

    public Builder accountId(String accountId) {
      this.accountId = Objects.requireNonNull(accountId, "accountId");
      return this;
    }

    public Builder scheduler(Scheduler scheduler) {
      this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
      return this;
    }

    /** The in-process Lambda functions that Task states may call (by name or ARN). */
    public Builder lambdas(LambdaFunctions lambdas) {
      this.lambdas = Objects.requireNonNull(lambdas, "lambdas");
      return this;
    }

    /** Where {@code dynamodb:*} tasks go (absent: such a task fails with States.Runtime). */
    public Builder dynamoDbEndpoint(URI endpoint) {
      this.dynamoDbEndpoint = endpoint;
      return this;
    }

    /** Where {@code sqs:sendMessage} tasks go. */
    public Builder sqsEndpoint(URI endpoint) {
      this.sqsEndpoint = endpoint;
      return this;
    }

    /** Where {@code events:putEvents} tasks go. */
    public Builder eventBridgeEndpoint(URI endpoint) {
      this.eventBridgeEndpoint = endpoint;
      return this;
    }

    /**
     * Replaces the built-in dispatch (registered functions and service integrations) with another
     * task runner: scripted tasks in tests.
     */
    public Builder tasks(TaskInvoker tasks) {
      this.tasks = Objects.requireNonNull(tasks, "tasks");
      return this;
    }

    /** Execution names and task tokens when none is given (random UUIDs by default). */
    public Builder ids(Supplier<String> ids) {
      this.ids = Objects.requireNonNull(ids, "ids");
      return this;
    }

    public StepFunctionsEngine start() {
      return new StepFunctionsEngine(this);
    }
  }
}
