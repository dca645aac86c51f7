package dev.orderly.localcloud.cloud;

import dev.orderly.dynamodb.DynamoDbEngine;
import dev.orderly.lambda.aws.AwsClients;
import dev.orderly.localcloud.api.DevKeys;
import dev.orderly.localcloud.api.DevTokens;
import dev.orderly.localcloud.api.LocalHttpApi;
import dev.orderly.localcloud.demo.DemoCloud;
import dev.orderly.localcloud.events.LocalEventBridge;
import dev.orderly.localcloud.http.LoopbackHttpServer;
import dev.orderly.localcloud.lambda.LambdaApiServer;
import dev.orderly.localcloud.lambda.LocalLambda;
import dev.orderly.localcloud.mappings.SqsEventSource;
import dev.orderly.localcloud.mappings.StreamEventSource;
import dev.orderly.localcloud.ses.LocalSes;
import dev.orderly.localcloud.ses.SentEmail;
import dev.orderly.localcloud.spi.FunctionInvoker;
import dev.orderly.localcloud.sqs.DirectSqsClient;
import dev.orderly.localcloud.sqs.LocalSqs;
import dev.orderly.localcloud.ssm.LocalSsm;
import dev.orderly.localcloud.template.EventSourceMappingSpec;
import dev.orderly.localcloud.template.FunctionSpec;
import dev.orderly.localcloud.template.HttpApiSpec;
import dev.orderly.localcloud.template.LocalSettings;
import dev.orderly.localcloud.template.LocalTemplate;
import dev.orderly.localcloud.template.QueueSpec;
import dev.orderly.localcloud.template.ResourceKind;
import dev.orderly.localcloud.template.RuleSpec;
import dev.orderly.localcloud.template.StateMachineSpec;
import dev.orderly.localcloud.template.TemplateReader;
import dev.orderly.stepfunctions.Scheduler;
import dev.orderly.stepfunctions.StepFunctionsEngine;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The whole system from {@code template.yaml} in one JVM: the template's tables on the DynamoDB
 * engine, its queues on ElasticMQ, its bus and rules, its state machine on the ASL interpreter, its
 * functions in-process through the constructors Lambda calls, its HTTP API with the JWT authorizer,
 * and its event source mappings — each service also answering the AWS SDK and CLI on loopback.
 */
public final class LocalCloud implements AutoCloseable {
  static final String ACCESS_KEY = "local";
  static final String SECRET_KEY = "local";

  static {
    // before any of its servers starts, Step Functions' endpoint (another module's) included
    LoopbackHttpServer.noDelay();
  }

  private final CloudSettings settings;
  private final LocalTemplate template;
  private final List<AutoCloseable> closeables = new ArrayList<>();
  private final List<SentEmail> mails = new CopyOnWriteArrayList<>();
  private final Map<String, URI> endpoints = new LinkedHashMap<>();
  private final Map<String, String> queueUrls = new ConcurrentHashMap<>();
  private final Map<String, String> queueUrlsByName;
  private final Map<String, String> streamArns;
  private final SdkHttpClient network = UrlConnectionHttpClient.builder().build();
  private final InJvmTransport inJvm;
  private final SdkHttpClient http;
  private final DynamoDbEngine dynamoEngine;
  private final LocalSqs sqs;
  private final URI sqsEndpoint;
  private final LocalSes ses;
  private final LocalSsm ssm;
  private final LocalLambda lambda;
  private final StepFunctionsEngine stepFunctions;
  private final LocalEventBridge eventBridge;
  private final LocalHttpApi api;
  private final URI apiUrl;
  private final DevTokens tokens;
  private final DynamoDbClient dynamo;
  private final SqsClient sqsClient;
  private final DynamoDbStreamsClient streams;
  private final SfnClient sfn;
  private final EventBridgeClient events;
  private final List<SqsEventSource> queuePollers = new ArrayList<>();
  private final List<StreamEventSource> streamPollers = new ArrayList<>();

  private LocalCloud(CloudSettings settings, Consumer<SentEmail> mailListener) {
    this.settings = settings;
    Ports ports = settings.ports();
    String region = LocalSettings.DEFAULT_REGION;
    String account = LocalSettings.DEFAULT_ACCOUNT_ID;

    LocalSqs.PortReservation sqsPort = LocalSqs.reserve(ports.sqs());
    sqsEndpoint = LocalSqs.endpoint(sqsPort.port());
    BackgroundBoot boot =
        new BackgroundBoot(
            () -> LocalSqs.start(sqsPort, region, account),
            () ->
                TemplateReader.read(
                    settings.template(),
                    settings.templateParameters(),
                    TemplateWiring.localSettings(settings).withSqsBaseUrl(sqsEndpoint)));
    queueUrlsByName = boot.queueUrls();

    dynamoEngine =
        closing(
            DynamoDbEngine.builder()
                .port(ports.dynamodb())
                .region(region)
                .accountId(account)
                .build());
    endpoints.put("dynamodb", dynamoEngine.endpoint());
    // the SDK's DynamoDB Streams client reads AWS_ENDPOINT_URL_DYNAMODB_STREAMS: the same engine
    endpoints.put("dynamodb_streams", dynamoEngine.endpoint());
    inJvm = new InJvmTransport(dynamoEngine);
    http = AwsClients.inJvmFirst(inJvm, network);
    endpoints.put("sqs", sqsEndpoint);
    ses =
        closing(
            LocalSes.start(
                ports.ses(),
                settings.clock(),
                () -> UUID.randomUUID().toString(),
                mail -> {
                  mails.add(mail);
                  mailListener.accept(mail);
                }));
    endpoints.put("sesv2", ses.endpoint());
    ssm =
        closing(
            LocalSsm.start(
                ports.ssm(),
                TemplateWiring.parametersFile(settings),
                region,
                account,
                settings.clock()));
    endpoints.put("ssm", ssm.endpoint());

    template = boot.template();

    dynamo = client(DynamoDbClient.builder(), dynamoEngine.endpoint());
    streamArns = Tables.create(dynamo, template.tables().values());
    // The local cloud's own parts (pollers, EventBridge targets) reach ElasticMQ's queues without
    // HTTP, once SQS is up; everything else, and every function, goes through its endpoint.
    sqsClient =
        new DirectSqsClient(
            () -> boot.sqsWithQueues().queueManager(), client(SqsClient.builder(), sqsEndpoint));
    streams = client(DynamoDbStreamsClient.builder(), dynamoEngine.endpoint());

    // Step Functions and EventBridge call functions, and functions call them back: both get the
    // functions late, through a reference set once the functions know every endpoint.
    AtomicReference<LocalLambda> functions = new AtomicReference<>();
    stepFunctions =
        closing(
            StepFunctionsEngine.builder()
                .port(ports.stepFunctions())
                .region(region)
                .accountId(account)
                .scheduler(
                    ScaledScheduler.of(Scheduler.real(settings.clock()), settings.timeScale()))
                .lambdas(name -> functions.get().asStepFunctionsFunctions().find(name))
                .dynamoDbEndpoint(dynamoEngine.endpoint())
                .sqsEndpoint(sqsEndpoint)
                .start());
    endpoints.put("sfn", stepFunctions.endpoint());
    for (StateMachineSpec machine : template.stateMachines().values()) {
      stepFunctions.createStateMachine(machine.name(), machine.definition());
    }
    inJvm.add(stepFunctions);
    sfn = client(SfnClient.builder(), stepFunctions.endpoint());

    eventBridge =
        closing(buildEventBridge(region, account, ports.eventBridge(), new LateInvoker(functions)));
    endpoints.put("eventbridge", eventBridge.start());
    inJvm.add(eventBridge);
    events = client(EventBridgeClient.builder(), eventBridge.endpoint());

    lambda = closing(buildLambda(region, account));
    functions.set(lambda);
    endpoints.put("lambda", closing(LambdaApiServer.start(lambda, ports.lambda())).endpoint());
    startMappings(ResourceKind.TABLE_STREAM);
    sqs = closing(boot.sqsWithQueues());
    startMappings(ResourceKind.QUEUE);

    DevKeys keys = TemplateWiring.devKeys(settings);
    HttpApiSpec spec = TemplateWiring.theHttpApi(template);
    HttpApiSpec.JwtAuthorizer authorizer = spec.authorizers().get(spec.defaultAuthorizer().get());
    tokens = TemplateWiring.devTokens(settings, keys, authorizer);
    api = closing(buildApi(spec, authorizer, keys, ports.api()));
    apiUrl = api.start();
    endpoints.put("api", apiUrl);
  }

  /** Starts everything the template declares; the HTTP API answers when this returns. */
  public static LocalCloud start(CloudSettings settings, Consumer<SentEmail> mailListener) {
    return new LocalCloud(settings, mailListener);
  }

  private LocalLambda buildLambda(String region, String account) {
    LocalLambda.Builder builder =
        LocalLambda.builder()
            .region(region)
            .accountId(account)
            .clock(settings.clock())
            .credentials(ACCESS_KEY, SECRET_KEY)
            .inJvmEndpoints(inJvm);
    for (FunctionSpec function : template.functions().values()) {
      Map<String, String> env = new LinkedHashMap<>(function.environment());
      env.put("AWS_ENDPOINT_URL_DYNAMODB", dynamoEngine.endpoint().toString());
      env.put("AWS_ENDPOINT_URL_SQS", sqsEndpoint.toString());
      env.put("AWS_ENDPOINT_URL_SFN", stepFunctions.endpoint().toString());
      env.put("AWS_ENDPOINT_URL_EVENTBRIDGE", eventBridge.endpoint().toString());
      env.put("AWS_ENDPOINT_URL_SESV2", ses.endpoint().toString());
      env.put("AWS_ENDPOINT_URL_SSM", ssm.endpoint().toString());
      builder.function(
          dev.orderly.localcloud.lambda.FunctionSpec.of(function.name(), function.handler())
              .withMemoryMb(function.memorySize())
              .withTimeout(Duration.ofSeconds(function.timeoutSeconds()))
              .withEnvironment(env)
              .withReservedConcurrency(
                  function.reservedConcurrentExecutions().isPresent()
                      ? function.reservedConcurrentExecutions().getAsInt()
                      : null));
    }
    return builder.build();
  }

  private LocalEventBridge buildEventBridge(
      String region, String account, int port, FunctionInvoker functions) {
    LocalEventBridge bridge =
        LocalEventBridge.builder()
            .region(region)
            .accountId(account)
            .clock(settings.clock())
            .sqs(sqsClient)
            .queueUrls(this::queueUrlOfArn)
            .functions(functions)
            .stateMachines(sfn)
            .port(port)
            .build();
    template.eventBuses().values().forEach(bus -> bridge.createBus(bus.name()));
    for (RuleSpec rule : template.rules().values()) {
      bridge.putRule(TemplateWiring.busRule(rule));
    }
    return bridge;
  }

  /**
   * A template queue's URL, as CreateQueue answered it or, before that, as the template resolves it
   * (what the functions are given); any other asked of SQS.
   */
  private String queueUrl(String name) {
    String created = queueUrlsByName.get(name);
    if (created != null) {
      return created;
    }
    return template.queues().values().stream()
        .filter(q -> q.name().equals(name))
        .map(QueueSpec::url)
        .findFirst()
        .orElseGet(() -> sqs.queueUrl(name));
  }

  /** A queue's URL by ARN, asked of SQS once per queue (a URL never changes). */
  private String queueUrlOfArn(String arn) {
    String known = queueUrls.get(arn);
    if (known != null) {
      return known;
    }
    String url =
        template.queues().values().stream()
            .filter(q -> q.arn().equals(arn))
            .map(q -> queueUrl(q.name()))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("no queue has the ARN " + arn));
    queueUrls.put(arn, url);
    return url;
  }

  /** Starts the enabled mappings whose source is of {@code kind}. */
  private void startMappings(ResourceKind kind) {
    for (EventSourceMappingSpec mapping : template.eventSourceMappings().values()) {
      ResourceKind source = mapping.source().kind();
      if (source != ResourceKind.QUEUE && source != ResourceKind.TABLE_STREAM) {
        throw new IllegalStateException(
            mapping.logicalId() + ": event source " + source + " is not supported");
      }
      if (!mapping.enabled() || source != kind) {
        continue;
      }
      if (source == ResourceKind.QUEUE) {
        SqsEventSource poller =
            LocalMappings.queue(
                mapping,
                template.functions().get(mapping.function().logicalId()),
                sqsClient,
                queueUrl(mapping.source().name()),
                lambda);
        queuePollers.add(closing(poller));
        poller.start();
      } else {
        StreamEventSource.Builder poller =
            LocalMappings.stream(
                mapping, streams, dynamoEngine, streamArns.get(tableOfStream(mapping)), lambda);
        mapping.onFailure().ifPresent(queue -> poller.onFailure(sqsClient, queueUrl(queue.name())));
        StreamEventSource stream = closing(poller.build());
        streamPollers.add(stream);
        stream.start();
      }
    }
  }

  private String tableOfStream(EventSourceMappingSpec mapping) {
    return template.tables().values().stream()
        .filter(t -> t.name().equals(mapping.source().name()))
        .map(t -> t.logicalId())
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    mapping.logicalId()
                        + ": no table "
                        + mapping.source().name()
                        + " has a stream"));
  }

  /**
   * Dev tokens for the API a cloud on these settings serves, without starting it ({@code orderly
   * token}): signed with the state directory's key, for the template's DefaultAuthorizer.
   */
  public static DevTokens devTokens(CloudSettings settings) {
    return TemplateWiring.devTokens(settings);
  }

  private LocalHttpApi buildApi(
      HttpApiSpec spec, HttpApiSpec.JwtAuthorizer authorizer, DevKeys keys, int port) {
    LocalHttpApi.Builder builder =
        LocalHttpApi.builder()
            .port(port)
            .clock(settings.clock())
            .functions(lambda)
            .jwt(authorizer.issuer(), authorizer.audience(), keys)
            .identity(LocalSettings.DEFAULT_ACCOUNT_ID, spec.apiId())
            .throttling(
                spec.defaultThrottling().rateLimit(), spec.defaultThrottling().burstLimit());
    for (HttpApiSpec.Route route : spec.routes()) {
      builder.route(TemplateWiring.routeSpec(route));
      builder.routeThrottling(
          route.routeKey(), route.throttling().rateLimit(), route.throttling().burstLimit());
    }
    return builder.build();
  }

  private <
          B extends
              software.amazon.awssdk.awscore.client.builder.AwsClientBuilder<B, C>
                  & software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder<B, C>,
          C>
      C client(B builder, URI endpoint) {
    C client =
        builder
            .endpointOverride(endpoint)
            .region(Region.of(LocalSettings.DEFAULT_REGION))
            .credentialsProvider(
                // what the in-JVM transport serves goes unsigned, as from the functions
                inJvm.serves(endpoint)
                    ? AnonymousCredentialsProvider.create()
                    : StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
            .httpClient(http)
            .overrideConfiguration(ClientOverrideConfiguration.builder().build())
            .build();
    if (client instanceof AutoCloseable closeable) {
      closeables.add(closeable);
    }
    return client;
  }

  private <T extends AutoCloseable> T closing(T closeable) {
    closeables.add(closeable);
    return closeable;
  }

  public LocalTemplate template() {
    return template;
  }

  public URI apiUrl() {
    return apiUrl;
  }

  /** Every service's loopback endpoint, by the service name of {@code AWS_ENDPOINT_URL_<NAME>}. */
  public Map<String, URI> endpoints() {
    return Map.copyOf(endpoints);
  }

  public String token(String tenant, String subject, Duration ttl) {
    return tokens.mint(tenant, subject, ttl);
  }

  public LocalLambda lambda() {
    return lambda;
  }

  /** The bus, its rules and their deliveries (e.g. to wait until every target has its events). */
  public LocalEventBridge eventBridge() {
    return eventBridge;
  }

  public List<SentEmail> mails() {
    return List.copyOf(mails);
  }

  /** The cloud as the demo drives and checks it. */
  public DemoCloud demoCloud() {
    return new CloudView(this, dynamo, sfn, events, sqsClient);
  }

  @Override
  public void close() {
    for (int i = closeables.size() - 1; i >= 0; i--) {
      try {
        closeables.get(i).close();
      } catch (Exception e) {
        // closing the rest matters more than one service's failure to stop
      }
    }
    network.close();
  }
}
