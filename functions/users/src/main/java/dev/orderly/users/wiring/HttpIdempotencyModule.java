package dev.orderly.users.wiring;

import dagger.Module;
import dagger.Provides;
import dev.orderly.idempotency.Idempotency;
import dev.orderly.idempotency.dynamodb.DynamoDbIdempotencyStore;
import dev.orderly.idempotency.http.HttpIdempotency;
import java.time.Clock;
import javax.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Idempotency-Key handling for the writes that take one, on the shared idempotency table. */
@Module
public final class HttpIdempotencyModule {
  private HttpIdempotencyModule() {}

  @Provides
  @Singleton
  static HttpIdempotency idempotency(DynamoDbClient dynamo, UsersConfig config, Clock clock) {
    return new HttpIdempotency(
        Idempotency.builder(
                DynamoDbIdempotencyStore.builder(dynamo, config.requireIdempotencyTable()).build())
            .clock(clock)
            .build());
  }
}
