package dev.orderly.orders.wiring;

import dagger.BindsInstance;
import dagger.Component;
import dev.orderly.lambda.config.Environment;
import dev.orderly.lambda.log.StructuredLog;
import dev.orderly.orders.saga.SagaStarter;
import javax.inject.Singleton;

/** The object graph of {@code StartSagaHandler}, built once per function instance. */
@Singleton
@Component(modules = StartSagaModule.class)
public interface StartSagaComponent {
  StructuredLog log();

  SagaStarter starter();

  /** The function's environment. */
  @Component.Builder
  interface Builder {
    @BindsInstance
    Builder environment(Environment env);

    StartSagaComponent build();
  }
}
