package dev.orderly.inventory.wiring;

import dagger.BindsInstance;
import dagger.Component;
import dev.orderly.inventory.domain.InventoryService;
import dev.orderly.lambda.config.Environment;
import dev.orderly.lambda.log.StructuredLog;
import jakarta.inject.Singleton;

/**
 * The object graph of the ReserveStock saga task, built once per Lambda instance from the
 * function's environment (the process's in AWS, one of its own in the local cloud and in tests).
 */
@Singleton
@Component(modules = InventoryModule.class)
public interface ReserveStockComponent {
  InventoryService service();

  StructuredLog log();

  /** The environment is required; the clock defaults to the system's. */
  @Component.Builder
  interface Builder {
    @BindsInstance
    Builder environment(Environment environment);

    Builder sourcesModule(SourcesModule clock);

    ReserveStockComponent build();
  }
}
