package dev.orderly.users.wiring;

import dagger.BindsInstance;
import dagger.Component;
import dev.orderly.idempotency.http.HttpIdempotency;
import dev.orderly.lambda.config.Environment;
import dev.orderly.lambda.log.StructuredLog;
import dev.orderly.users.domain.UserService;
import javax.inject.Singleton;

/** The object graph of {@code RegisterUserHandler}, built once per function instance. */
@Singleton
@Component(modules = {UsersModule.class, HttpIdempotencyModule.class})
public interface RegisterUserComponent {
  UserService users();

  HttpIdempotency idempotency();

  StructuredLog log();

  /**
   * Built from the function's environment; a clock and an id source only where tests or the local
   * cloud need them.
   */
  @Component.Builder
  interface Builder {
    @BindsInstance
    Builder environment(Environment environment);

    Builder sourcesModule(SourcesModule sources);

    RegisterUserComponent build();
  }
}
