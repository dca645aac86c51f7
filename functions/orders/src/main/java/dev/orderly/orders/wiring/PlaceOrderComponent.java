package dev.orderly.orders.wiring;

import dagger.BindsInstance;
import dagger.Component;
import dev.orderly.idempotency.http.HttpIdempotency;
import dev.orderly.lambda.config.Environment;
import dev.orderly.lambda.log.StructuredLog;
import dev.orderly.orders.domain.Ids;
import dev.orderly.orders.domain.OrderService;
import java.time.Clock;
import javax.inject.Singleton;

/** The object graph of {@code PlaceOrderHandler}, built once per function instance. */
@Singleton
@Component(modules = OrdersModule.class)
public interface PlaceOrderComponent {
  StructuredLog log();

  OrderService orders();

  HttpIdempotency idempotency();

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
