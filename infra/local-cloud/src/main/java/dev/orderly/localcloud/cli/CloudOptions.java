package dev.orderly.localcloud.cli;

import dev.orderly.localcloud.cloud.CloudSettings;
import dev.orderly.localcloud.cloud.Ports;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** What every command that starts the cloud accepts. */
final class CloudOptions {
  @Option(
      names = {"-p", "--parameter"},
      description = "A template parameter, Name=Value (repeatable); overrides the local defaults.")
  Map<String, String> parameters = new LinkedHashMap<>();

  @Option(
      names = "--ephemeral-ports",
      description =
          "Any free port for every service, instead of the standard ones (API 3000, ...).")
  boolean ephemeralPorts;

  CloudSettings settings(Orderly root, boolean ephemeralByDefault) {
    CloudSettings settings =
        CloudSettings.of(root.repository.toAbsolutePath().normalize())
            .withParameters(parameters)
            .withPorts(ephemeralPorts || ephemeralByDefault ? Ports.ephemeral() : Ports.standard());
    return root.stateDirectory == null
        ? settings
        : settings.withStateDirectory(root.stateDirectory.toAbsolutePath().normalize());
  }
}
