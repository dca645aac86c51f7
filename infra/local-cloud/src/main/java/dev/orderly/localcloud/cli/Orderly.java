package dev.orderly.localcloud.cli;

import dev.orderly.localcloud.template.TemplateException;
import java.net.BindException;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

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
  /** Exit code of a failure the user can fix: the template, a parameter, a port in use. */
  static final int USER_ERROR = 2;

  @Option(
      names = "--repository",
      description = "The repository root (template.yaml, statemachines/, .orderly/).",
      defaultValue = ".")
  Path repository;

  @Option(
      names = "--state-dir",
      description =
          "Where the dev signing key and SSM parameters live (default <repository>/.orderly).")
  Path stateDirectory;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  static CommandLine commandLine() {
    return new CommandLine(new Orderly()).setExecutionExceptionHandler(Orderly::failed);
  }

  /**
   * One line for what the user can fix (a template construct or parameter the cloud refuses, a port
   * already taken) and exit code 2; a stack trace and exit code 1 for anything else.
   */
  static int failed(Exception failure, CommandLine command, ParseResult parsed) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof BindException) {
        command
            .getErr()
            .println(
                "orderly: a port it listens on is taken ("
                    + cause.getMessage()
                    + "): is another orderly running? --ephemeral-ports picks free ones");
        return USER_ERROR;
      }
    }
    if (failure instanceof TemplateException || failure instanceof IllegalArgumentException) {
      command.getErr().println("orderly: " + failure.getMessage());
      return USER_ERROR;
    }
    failure.printStackTrace(command.getErr());
    return command.getCommandSpec().exitCodeOnExecutionException();
  }
}
