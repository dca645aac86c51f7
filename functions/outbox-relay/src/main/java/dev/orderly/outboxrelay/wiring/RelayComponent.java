package dev.orderly.outboxrelay.wiring;

import dagger.BindsInstance;
import dagger.Component;
import dev.orderly.lambda.config.Environment;
import dev.orderly.lambda.log.StructuredLog;
import dev.orderly.outboxrelay.OutboxRelays;
import java.time.Clock;
import javax.inject.Singleton;

/** The object graph of {@code RelayHandler}, built once per execution environment. */
@Singleton
@Component(modules = RelayModule.class)
public interface RelayComponent {
  OutboxRelays relays();

  StructuredLog log();

  /**
   * Built from the function's environment and a clock (the system's in AWS; a fixed one in tests,
   * which then see the exact {@code publishedAt} and TTL of marked entries).
   */
  @Component.Builder
  interface Builder {
    @BindsInstance
    Builder environment(Environment env);

    @BindsInstance
    Builder clock(Clock clock);

    RelayComponent build();
  }
}
