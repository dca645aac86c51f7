package dev.orderly.inventory.wiring;

import dagger.Module;
import dagger.Provides;
import java.time.Clock;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Where every function of inventory reads time and new ids from: the system clock and random UUIDs,
 * unless a test or the local cloud hands the component its own ({@code builder().sourcesModule(new
 * SourcesModule(clock, ids))}).
 */
@Module
public final class SourcesModule {
  private final Clock clock;
  private final Supplier<String> ids;

  public SourcesModule() {
    this(Clock.systemUTC());
  }

  public SourcesModule(Clock clock) {
    this(clock, () -> UUID.randomUUID().toString());
  }

  public SourcesModule(Clock clock, Supplier<String> ids) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.ids = Objects.requireNonNull(ids, "ids");
  }

  @Provides
  Clock clock() {
    return clock;
  }

  @Provides
  Supplier<String> ids() {
    return ids;
  }
}
