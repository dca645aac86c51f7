package dev.orderly.orderviews.wiring;

import dagger.BindsInstance;
import dagger.Component;
import dev.orderly.lambda.config.Environment;
import dev.orderly.lambda.log.StructuredLog;
import dev.orderly.orderviews.domain.Projection;
import javax.inject.Singleton;

/** The object graph of {@code ProjectionHandler}, built once per execution environment. */
@Singleton
@Component(modules = OrderViewsModule.class)
public interface ProjectionComponent {
  Projection projection();

  StructuredLog log();

  /** Built from the function's environment: the process's in AWS, a map locally and in tests. */
  @Component.Builder
  interface Builder {
    @BindsInstance
    Builder environment(Environment env);

    ProjectionComponent build();
  }
}
