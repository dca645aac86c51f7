package dev.orderly.orders.wiring;

import dagger.BindsInstance;
import dagger.Component;
import dev.orderly.idempotency.dynamodb.TransactionalIdempotency;
import dev.orderly.lambda.config.Environment;
import dev.orderly.lambda.log.StructuredLog;
import dev.orderly.orders.domain.Ids;
import dev.orderly.orders.domain.OrderService;
import dev.orderly.orders.persistence.DynamoDbOrderStore;
import java.time.Clock;
import javax.inject.Singleton;

/** The object graph of {@code PlaceOrderHandler}, built once per function instance. */
@Singleton
@Component(modules = OrdersModule.class)
public interface PlaceOrderComponent {
  StructuredLog log();

  OrderService orders();

  /** Where POST /orders commits the order with its Idempotency-Key record, in one transaction. */
  TransactionalIdempotency idempotency();

  DynamoDbOrderStore store();

  /** The function's environment, clock ({@code Clock.systemUTC()} in AWS) and id source. */
  @Component.Builder
  interface Builder {
    @BindsInstance
    Builder environment(Environment env);

    @BindsInstance
    Builder clock(Clock clock);

    @BindsInstance
    Builder ids(Ids ids);

    PlaceOrderComponent build();
  }
}
