package dev.orderly.localcloud.cloud;

import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How to run the local cloud: the repository (template.yaml, statemachines/), the state directory
 * (the dev signing key, SSM parameters; {@code .orderly/} by default), parameter overrides, ports,
 * the clock, and how fast the saga's timers run ({@code timeScale} 1 is real time; tests run retry
 * back-offs and Wait states faster, never {@code up} or {@code demo}).
 */
public record CloudSettings(
    Path repository,
    Path stateDirectory,
    Map<String, String> parameters,
    Ports ports,
    Clock clock,
    double timeScale) {
  /** What the template needs locally and has no default for, plus the local adapters. */
  public static final Map<String, String> LOCAL_PARAMETERS =
      Map.of(
          "JwtIssuer", "https://orderly.local",
          "JwtAudience", "orderly-local",
          "FromAddress", "orders@orderly.local",
          "EmailSender", "ses",
          "PaymentProvider", "local");

  public CloudSettings {
    Objects.requireNonNull(repository, "repository");
    Objects.requireNonNull(stateDirectory, "stateDirectory");
    parameters = Map.copyOf(parameters);
    Objects.requireNonNull(ports, "ports");
    Objects.requireNonNull(clock, "clock");
    if (!(timeScale >= 1)) {
      throw new IllegalArgumentException("timeScale must be at least 1, was " + timeScale);
    }
  }

  public static CloudSettings of(Path repository) {
    return new CloudSettings(
        repository,
        repository.resolve(".orderly"),
        Map.of(),
        Ports.standard(),
        Clock.systemUTC(),
        1);
  }

  public CloudSettings withParameters(Map<String, String> overrides) {
    Map<String, String> merged = new LinkedHashMap<>(parameters);
    merged.putAll(overrides);
    return new CloudSettings(repository, stateDirectory, merged, ports, clock, timeScale);
  }

  public CloudSettings withPorts(Ports newPorts) {
    return new CloudSettings(repository, stateDirectory, parameters, newPorts, clock, timeScale);
  }

  public CloudSettings withStateDirectory(Path directory) {
    return new CloudSettings(repository, directory, parameters, ports, clock, timeScale);
  }

  public CloudSettings withClock(Clock newClock) {
    return new CloudSettings(repository, stateDirectory, parameters, ports, newClock, timeScale);
  }

  public CloudSettings withTimeScale(double scale) {
    return new CloudSettings(repository, stateDirectory, parameters, ports, clock, scale);
  }

  /** The template's parameters as the local cloud passes them: local values, then overrides. */
  public Map<String, String> templateParameters() {
    Map<String, String> all = new LinkedHashMap<>(LOCAL_PARAMETERS);
    all.putAll(parameters);
    return all;
  }

  public Path template() {
    return repository.resolve("template.yaml");
  }
}
