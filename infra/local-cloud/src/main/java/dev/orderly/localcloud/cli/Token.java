package dev.orderly.localcloud.cli;

import dev.orderly.localcloud.api.DevKeys;
import dev.orderly.localcloud.api.DevTokens;
import dev.orderly.localcloud.cloud.CloudSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

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

  @Override
  public Integer call() {
    CloudSettings settings = options.settings(root, true);
    Map<String, String> parameters = settings.templateParameters();
    String audience = parameters.get("JwtAudience").split(",")[0].trim();
    DevKeys keys = DevKeys.loadOrCreate(settings.stateDirectory().resolve("dev-signing-key.json"));
    String token =
        new DevTokens(keys, parameters.get("JwtIssuer"), audience, Clock.systemUTC())
            .mint(tenant, subject, ttl);
    System.out.println(token);
    return 0;
  }
}
