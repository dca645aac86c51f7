package dev.orderly.localcloud.cli;

import dev.orderly.localcloud.cloud.LocalCloud;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code orderly token --tenant T --sub U}: a JWT the local API accepts, signed with the dev key in
 * {@code .orderly/} (the key {@code up} verifies with, in this process or another).
 */
@Command(name = "token", mixinStandardHelpOptions = true, description = "Mint a dev JWT.")
final class Token implements Callable<Integer> {
  @ParentCommand Orderly root;
  @Mixin CloudOptions options = new CloudOptions();

  @Option(names = "--tenant", required = true, description = "The tenant_id claim.")
  String tenant;

  @Option(names = "--sub", required = true, description = "The subject (user id).")
  String subject;

  @Option(names = "--ttl", defaultValue = "PT12H", description = "Lifetime, ISO-8601 (PT12H).")
  Duration ttl;

  @Spec CommandSpec command;

  @Override
  public Integer call() {
    command
        .commandLine()
        .getOut()
        .println(LocalCloud.devTokens(options.settings(root, true)).mint(tenant, subject, ttl));
    return 0;
  }
}
