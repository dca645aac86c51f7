package dev.orderly.orders.wiring;

import dagger.Module;
import dagger.Provides;
import dev.orderly.idempotency.Idempotency;
import dev.orderly.idempotency.dynamodb.DynamoDbIdempotencyStore;
import dev.orderly.idempotency.dynamodb.TransactionalIdempotency;
import dev.orderly.idempotency.http.HttpIdempotency;
import dev.orderly.lambda.config.Environment;
import dev.orderly.lambda.log.StructuredLog;
import dev.orderly.orders.domain.Ids;
import dev.orderly.orders.domain.OrderService;
import dev.orderly.orders.domain.OrderStore;
import dev.orderly.orders.persistence.DynamoDbOrderStore;
import java.time.Clock;
import javax.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The orders service and what it stands on: the store on the orders table, idempotency on the
 * shared table (plain mode for HTTP, where the response is the result; transactional mode for saga
 * tasks, whose record commits with the order's change), and the log.
 */
@Module(includes = DynamoDbModule.class)
public final class OrdersModule {
  private OrdersModule() {}

  @Provides
  @Singleton
  static OrdersConfig config(Environment env) {
    return OrdersConfig.from(env);
  }

  @Provides
  @Singleton
  static StructuredLog log() {
    return StructuredLog.stdout("orders");
  }

  @Provides
  @Singleton
  static TransactionalIdempotency transactional(
      DynamoDbClient dynamo, OrdersConfig config, Clock clock) {
    return TransactionalIdempotency.builder(dynamo, config.idempotencyTable()).clock(clock).build();
  }

  @Provides
  @Singleton
  static HttpIdempotency http(DynamoDbClient dynamo, OrdersConfig config, Clock clock) {
    return new HttpIdempotency(
        Idempotency.builder(
                DynamoDbIdempotencyStore.builder(dynamo, config.idempotencyTable()).build())
            .clock(clock)
            .build());
  }

  @Provides
  @Singleton
  static DynamoDbOrderStore dynamoStore(
      DynamoDbClient dynamo, OrdersConfig config, TransactionalIdempotency idempotency, Ids ids) {
    return new DynamoDbOrderStore(dynamo, config.ordersTable(), idempotency, ids);
  }

  @Provides
  static OrderStore store(DynamoDbOrderStore store) {
    return store;
  }

  @Provides
  @Singleton
  static OrderService service(OrderStore store, Clock clock, Ids ids) {
    return new OrderService(store, clock, ids);
  }
}
