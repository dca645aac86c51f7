package dev.orderly.inventory.wiring;

import dagger.Module;
import dagger.Provides;
import java.time.Clock;
import java.util.Objects;

/**
 * The clock every function of inventory reads: the system's unless a test hands the component a
 * fixed one ({@code builder().clockModule(new ClockModule(clock))}).
 */
@Module
public final class ClockModule {
  private final Clock clock;

  public ClockModule() {
    this(Clock.systemUTC());
  }

  public ClockModule(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Provides
  Clock clock() {
    return clock;
  }
}
