package dev.orderly.outboxrelay.wiring;

import dagger.Module;
import dagger.Provides;
import dev.orderly.lambda.aws.AwsClients;
import dev.orderly.lambda.config.Environment;
import dev.orderly.lambda.log.StructuredLog;
import dev.orderly.outbox.EventBridgePublisher;
import dev.orderly.outbox.EventPublisher;
import dev.orderly.outbox.OutboxRelay;
import dev.orderly.outbox.OutboxTable;
import dev.orderly.outboxrelay.OutboxRelays;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.inject.Singleton;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/** The relay's graph: one HTTP client for DynamoDB and EventBridge, one relay per table. */
@Module
public final class RelayModule {
  private static final int MARKING_THREADS = 4;

  private RelayModule() {}

  @Provides
  @Singleton
  static RelayConfig config(Environment env) {
    return RelayConfig.from(env);
  }

  @Provides
  @Singleton
  static SdkHttpClient http(RelayConfig config) {
    return AwsClients.httpClient(config.events());
  }

  @Provides
  @Singleton
  static DynamoDbClient dynamo(RelayConfig config, SdkHttpClient http) {
    return AwsClients.build(DynamoDbClient.builder(), config.dynamo(), http);
  }

  @Provides
  @Singleton
  static EventBridgeClient events(RelayConfig config, SdkHttpClient http) {
    return AwsClients.build(EventBridgeClient.builder(), config.events(), http);
  }

  @Provides
  @Singleton
  static EventPublisher publisher(EventBridgeClient events, RelayConfig config) {
    return new EventBridgePublisher(events, config.eventBusName());
  }

  @Provides
  @Singleton
  static OutboxRelays relays(
      RelayConfig config, EventPublisher publisher, DynamoDbClient dynamo, Clock clock) {
    OutboxRelay.Backoff backoff =
        OutboxRelay.Backoff.fullJitter(config.backoffBase(), config.backoffCap());
    // Marks overlap with publishing; four at a time stays within the HTTP client's pooled
    // keep-alive connections (five per host by default for url-connection-client).
    ExecutorService marking =
        Executors.newFixedThreadPool(
            MARKING_THREADS,
            work -> {
              Thread thread = new Thread(work, "outbox-relay-mark");
              thread.setDaemon(true);
              return thread;
            });
    Map<String, OutboxRelay> byTable = new HashMap<>();
    for (String table : config.tables()) {
      byTable.put(
          table,
          new OutboxRelay(
              publisher,
              dynamo,
              new OutboxTable(table),
              clock,
              config.maxAttempts(),
              backoff,
              config.retention(),
              marking));
    }
    return new OutboxRelays(byTable);
  }

  @Provides
  @Singleton
  static StructuredLog log(Clock clock) {
    return new StructuredLog("outbox-relay", clock, System.out);
  }
}
