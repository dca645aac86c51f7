package dev.orderly.localcloud.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderly.localcloud.cloud.LocalCloud;
import dev.orderly.localcloud.spi.InvokeResult;
import dev.orderly.localcloud.template.FunctionSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code orderly invoke <function> -e events/<file>.json}: like {@code sam local invoke} — one
 * invocation of one function with an event file, on a fresh local cloud (so the function's tables,
 * queues and endpoints exist); the response on standard output, exit status 1 on a function error.
 */
@Command(
    name = "invoke",
    mixinStandardHelpOptions = true,
    description = "Invoke one function with an event file.")
final class Invoke implements Callable<Integer> {
  @ParentCommand Orderly root;
  @Mixin CloudOptions options = new CloudOptions();

  @Parameters(
      index = "0",
      description = "The function: its logical id (PlaceOrderFunction) or its name.")
  String function;

  @Option(
      names = {"-e", "--event"},
      required = true,
      description = "The event JSON file.")
  Path event;

  @Spec CommandSpec command;

  @Override
  public Integer call() throws IOException {
    byte[] payload = Files.readAllBytes(event);
    new ObjectMapper().readTree(payload); // refuse a file that is not JSON before starting anything
    try (LocalCloud cloud =
        LocalCloud.start(
            options.settings(root, true),
            mail ->
                command
                    .commandLine()
                    .getErr()
                    .println("mail  to " + mail.to() + ": " + mail.subject()))) {
      FunctionSpec spec =
          cloud.template().functions().containsKey(function)
              ? cloud.template().functions().get(function)
              : cloud.template().functionNamed(function).orElse(null);
      if (spec == null) {
        command
            .commandLine()
            .getErr()
            .println(
                "orderly: no function "
                    + function
                    + "; the template has "
                    + cloud.template().functions().keySet());
        return 2;
      }
      InvokeResult result = cloud.lambda().invoke(spec.name(), payload);
      command.commandLine().getOut().println(result.payloadUtf8());
      return result.failed() ? 1 : 0;
    }
  }
}
