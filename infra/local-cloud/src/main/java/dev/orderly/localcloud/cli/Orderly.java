package dev.orderly.localcloud.cli;

import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code orderly}: the local cloud's command line. {@code ./orderly} at the repository root builds
 * what it needs and runs this.
 */
@Command(
    name = "orderly",
    mixinStandardHelpOptions = true,
    description = "Orderly's local cloud: the whole system from template.yaml in one JVM.",
    subcommands = {Up.class, DemoCommand.class, Invoke.class, Token.class})
public final class Orderly {
  @Option(
      names = "--repository",
      description = "The repository root (template.yaml, statemachines/, .orderly/).",
      defaultValue = ".")
  Path repository;

  public static void main(String[] args) {
    int code = new CommandLine(new Orderly()).execute(args);
    System.exit(code);
  }
}
