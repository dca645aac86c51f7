package dev.orderly.inventory.wiring;

import dagger.Module;
import dagger.Provides;
import dev.orderly.idempotency.dynamodb.TransactionalIdempotency;
import dev.orderly.inventory.domain.InventoryRepository;
import dev.orderly.inventory.domain.InventoryService;
import dev.orderly.inventory.persistence.DynamoDbInventoryRepository;
import dev.orderly.lambda.aws.AwsClients;
import dev.orderly.lambda.config.Environment;
import dev.orderly.lambda.log.StructuredLog;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.function.Supplier;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What every inventory function is made of: config, DynamoDB, the repository, the service, logs.
 */
@Module(includes = SourcesModule.class)
public final class InventoryModule {
  private InventoryModule() {}

  @Provides
  @Singleton
  static InventoryConfig config(Environment env) {
    return InventoryConfig.from(env);
  }

  @Provides
  @Singleton
  static SdkHttpClient http(InventoryConfig config) {
    return AwsClients.httpClient(config.dynamo());
  }

  @Provides
  @Singleton
  static DynamoDbClient dynamo(InventoryConfig config, SdkHttpClient http) {
    return AwsClients.build(DynamoDbClient.builder(), config.dynamo(), http);
  }

  @Provides
  @Singleton
  static TransactionalIdempotency idempotency(
      DynamoDbClient dynamo, InventoryConfig config, Clock clock) {
    return TransactionalIdempotency.builder(dynamo, config.idempotencyTable()).clock(clock).build();
  }

  @Provides
  @Singleton
  static InventoryRepository repository(
      DynamoDbClient dynamo, InventoryConfig config, TransactionalIdempotency idempotency) {
    return new DynamoDbInventoryRepository(dynamo, config.inventoryTable(), idempotency);
  }

  @Provides
  @Singleton
  static InventoryService service(
      InventoryRepository repository, Clock clock, Supplier<String> ids) {
    return new InventoryService(repository, clock, ids);
  }

  @Provides
  @Singleton
  static StructuredLog log(Clock clock) {
    return new StructuredLog("inventory", clock, System.out);
  }
}
