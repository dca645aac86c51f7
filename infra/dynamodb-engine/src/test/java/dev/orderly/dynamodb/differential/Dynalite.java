package dev.orderly.dynamodb.differential;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.awaitility.Awaitility;

/**
 * dynalite 4.0.0, the differential oracle, run as a Node process on a free port. The build installs
 * it (see oracle/package.json); the path comes from the system property the Surefire configuration
 * sets. A missing oracle fails the suite: the comparison is the point of it.
 */
public final class Dynalite implements AutoCloseable {
  private final Process process;
  private final int port;

  private Dynalite(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  public static Dynalite start() {
    String cli = System.getProperty("orderly.oracle.dynalite", defaultCli());
    if (!Files.isRegularFile(Path.of(cli))) {
      throw new IllegalStateException(
          "dynalite is not installed at " + cli + "; run the Maven build, which installs it");
    }
    String node = System.getProperty("orderly.node", "node");
    // the free port is only bound once node has started: should another socket take it meanwhile,
    // dynalite exits (EADDRINUSE) and a fresh port is tried
    for (int attempt = 1; ; attempt++) {
      try {
        return start(node, cli, freePort());
      } catch (PortTaken e) {
        if (attempt == 3) {
          throw e;
        }
      }
    }
  }

  /**
   * dynalite exited before listening: on a port just found free, most likely because it was taken.
   */
  private static final class PortTaken extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    PortTaken(String message) {
      super(message);
    }
  }

  private static Dynalite start(String node, String cli, int port) {
    try {
      Process process =
          new ProcessBuilder(
                  node,
                  cli,
                  "--port",
                  Integer.toString(port),
                  "--createTableMs",
                  "0",
                  "--deleteTableMs",
                  "0",
                  "--updateTableMs",
                  "0")
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile()))
              .start();
      awaitListening(process, port);
      return new Dynalite(process, port);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + node + " " + cli, e);
    }
  }

  /** Where the build installs dynalite, from the module or from the repository root. */
  private static String defaultCli() {
    Path fromModule = Path.of("oracle/node_modules/dynalite/cli.js");
    return Files.isRegularFile(fromModule)
        ? fromModule.toString()
        : "infra/dynamodb-engine/oracle/node_modules/dynalite/cli.js";
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + port);
  }

  private static File logFile() {
    File dir = new File("target");
    dir.mkdirs();
    return new File(dir, "dynalite.log");
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Bounded polling for the port to accept connections. */
  private static void awaitListening(Process process, int port) {
    try {
      Awaitility.await("dynalite listening on port " + port)
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(20))
          .until(
              () -> {
                if (!process.isAlive()) {
                  throw new PortTaken(
                      "dynalite exited with " + process.exitValue() + "; see target/dynalite.log");
                }
                try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                  return socket.isConnected();
                } catch (IOException notYet) {
                  return false;
                }
              });
    } catch (RuntimeException e) {
      process.destroyForcibly();
      throw e;
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
