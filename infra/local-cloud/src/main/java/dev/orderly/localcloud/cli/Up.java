package dev.orderly.localcloud.cli;

import dev.orderly.localcloud.cloud.LocalCloud;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code orderly up}: starts everything, prints where it is, runs until Ctrl-C. */
@Command(
    name = "up",
    mixinStandardHelpOptions = true,
    description = "Run the whole system locally.")
final class Up implements Callable<Integer> {
  @ParentCommand Orderly root;
  @Mixin CloudOptions options = new CloudOptions();

  @Override
  public Integer call() throws InterruptedException {
    PrintStream out = System.out;
    LocalCloud cloud =
        LocalCloud.start(
            options.settings(root, false),
            mail ->
                out.println("mail  to " + String.join(", ", mail.to()) + ": " + mail.subject()));
    long ready = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  out.println("orderly: shutting down");
                  cloud.close();
                  stopped.countDown();
                }));
    Resources.print(cloud, out);
    out.println();
    out.println("API        " + cloud.apiUrl());
    out.println(
        "dev token  "
            + cloud.token("acme", "dev-user", Duration.ofHours(12))
            + "   (tenant acme, 12 h; `./orderly token` mints others)");
    out.println(
        "try        curl -s -H \"Authorization: Bearer $TOKEN\" " + cloud.apiUrl() + "/orders");
    out.println("AWS CLI/SDK on loopback (credentials local/local, region us-east-1):");
    for (Map.Entry<String, URI> e : cloud.endpoints().entrySet()) {
      if (!e.getKey().equals("api")) {
        out.printf(
            "  export AWS_ENDPOINT_URL_%s=%s%n",
            e.getKey().toUpperCase(java.util.Locale.ROOT), e.getValue());
      }
    }
    out.printf("ready in %d ms (process start to API ready). Ctrl-C stops.%n", ready);
    stopped.await();
    return 0;
  }
}
