package dev.orderly.lambda.aws;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * Builds SDK v2 clients the one way Orderly builds them: url-connection-client (the lightest cold
 * start), explicit region and credentials, the standard retry mode with a bounded number of
 * attempts, a timeout per attempt and per call (timed by one thread per JVM), and the configured
 * endpoint.
 *
 * <pre>{@code
 * DynamoDbClient dynamo = AwsClients.build(DynamoDbClient.builder(), settings, http);
 * }</pre>
 */
public final class AwsClients {
  private AwsClients() {}

  /**
   * One HTTP client per function, shared by its SDK clients. When the settings carry {@link
   * AwsSettings#transport() in-JVM endpoints} (the local cloud's), requests for those go to them
   * without a socket and all others over this client.
   */
  public static SdkHttpClient httpClient(AwsSettings settings) {
    SdkHttpClient network =
        UrlConnectionHttpClient.builder()
            .connectionTimeout(
                Duration.ofMillis(Math.min(1_000, settings.attemptTimeout().toMillis())))
            .socketTimeout(settings.attemptTimeout())
            .build();
    return settings.transport().isPresent()
        ? inJvmFirst(settings.transport().get(), network)
        : network;
  }

  /**
   * A client that sends what {@code inJvm} serves to it and the rest over {@code network}; closing
   * it closes {@code network} only.
   */
  public static SdkHttpClient inJvmFirst(InJvmEndpoints inJvm, SdkHttpClient network) {
    return new InJvmFirst(inJvm, network);
  }

  private record InJvmFirst(InJvmEndpoints inJvm, SdkHttpClient network) implements SdkHttpClient {
    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
      return inJvm.serves(request.httpRequest())
          ? inJvm.prepareRequest(request)
          : network.prepareRequest(request);
    }

    @Override
    public String clientName() {
      return network.clientName();
    }

    /** Closes this function's own connections; the in-JVM endpoints belong to the local cloud. */
    @Override
    public void close() {
      network.close();
    }
  }

  public static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(
      B builder, AwsSettings settings, SdkHttpClient http) {
    builder
        .region(settings.region())
        .credentialsProvider(
            servedInJvm(settings) ? AnonymousCredentialsProvider.create() : settings.credentials())
        .httpClient(http)
        .overrideConfiguration(
            ClientOverrideConfiguration.builder()
                .apiCallTimeout(settings.apiCallTimeout())
                .apiCallAttemptTimeout(settings.attemptTimeout())
                .scheduledExecutorService(Timeouts.TIMER)
                .retryStrategy(
                    AwsRetryStrategy.standardRetryStrategy().toBuilder()
                        .maxAttempts(settings.maxAttempts())
                        .build())
                .build());
    settings.endpoint().ifPresent(builder::endpointOverride);
    return builder.build();
  }

  /**
   * The timer of every client's call and attempt timeouts: one daemon thread per JVM, never shut
   * down (the SDK leaves an executor it was given alone when a client closes). The SDK's own
   * default is a pool of up to five threads per client, and it arms a timer there before each call
   * and cancels it after, which wakes a pool thread whenever its queue was empty: one client per
   * function paid that on every call, and a JVM running every function (the local cloud) held
   * hundreds of such threads. Cancelled timers leave the queue at once, so it holds only the calls
   * in flight.
   */
  private static final class Timeouts {
    static final ScheduledExecutorService TIMER = timer();

    private static ScheduledExecutorService timer() {
      ScheduledThreadPoolExecutor timer =
          new ScheduledThreadPoolExecutor(
              1,
              task -> {
                Thread thread = new Thread(task, "sdk-timeouts");
                thread.setDaemon(true);
                return thread;
              });
      timer.setRemoveOnCancelPolicy(true);
      return timer;
    }
  }

  /**
   * Whether the settings' endpoint is one of their in-JVM endpoints; its clients send unsigned
   * requests (anonymous credentials: the SDK's SigV4 signer then leaves the request as it is).
   */
  static boolean servedInJvm(AwsSettings settings) {
    return settings.transport().isPresent()
        && settings.endpoint().isPresent()
        && settings.transport().get().serves(settings.endpoint().get());
  }
}
