package dev.orderly.payments.wiring;

import dagger.Module;
import dagger.Provides;
import java.time.Clock;
import java.util.Objects;

/**
 * The clock every function of payments reads (records, events, the circuit breaker's open time):
 * the system's unless a test hands the component one it controls.
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
