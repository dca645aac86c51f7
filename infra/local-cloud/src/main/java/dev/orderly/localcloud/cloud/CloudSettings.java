package dev.orderly.localcloud.cloud;

import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How to run the local cloud: the repository (template.yaml, statemachines/, the state directory
 * {@code .orderly/} that keeps the dev signing key), parameter overrides, ports and the clock.
 */
public record CloudSettings(
    Path repository, Map<String, String> parameters, Ports ports, Clock clock) {
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
    parameters = Map.copyOf(parameters);
    Objects.requireNonNull(ports, "ports");
    Objects.requireNonNull(clock, "clock");
  }

  public static CloudSettings of(Path repository) {
    return new CloudSettings(repository, Map.of(), Ports.standard(), Clock.systemUTC());
  }

  public CloudSettings withParameters(Map<String, String> overrides) {
    Map<String, String> merged = new LinkedHashMap<>(parameters);
    merged.putAll(overrides);
    return new CloudSettings(repository, merged, ports, clock);
  }

  public CloudSettings withPorts(Ports newPorts) {
    return new CloudSettings(repository, parameters, newPorts, clock);
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

  public Path stateDirectory() {
    return repository.resolve(".orderly");
  }
}
