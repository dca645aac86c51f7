package dev.orderly.localcloud.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code orderly up} as a user runs it: its own JVM, its printout read from stdout, the dev token
 * it prints tried on the API it prints, then Ctrl-C (SIGINT; SIGTERM where SIGINT is ignored) — it
 * says it shuts down, exits 130 (143) and lets its ports go.
 */
@EnabledOnOs({OS.LINUX, OS.MAC}) // SIGINT is sent with kill(1)
class UpProcessTest {
  private static final Path REPOSITORY = Path.of(System.getProperty("orderly.repository"));
  private static final Duration BOOT = Duration.ofSeconds(90);

  private final List<String> output = new CopyOnWriteArrayList<>();
  private Process up;
  private Thread reader;

  @AfterEach
  void killIfStillRunning() {
    if (up != null && up.isAlive()) {
      up.destroyForcibly();
    }
  }

  @Test
  void up_printsTheApiAWorkingDevTokenAndTheResources_andCtrlCShutsItDown(@TempDir Path state)
      throws Exception {
    up = start(state);
    Awaitility.await("orderly up ready")
        .atMost(BOOT)
        .pollInterval(Duration.ofMillis(50))
        .until(
            () -> {
              if (!up.isAlive()) {
                throw new AssertionError("orderly up exited " + up.exitValue() + ": " + output);
              }
              return output.stream().anyMatch(line -> line.startsWith("ready in "));
            });

    URI api = URI.create(value("API"));
    String token = value("dev token").split(" ")[0];
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> orders = get(http, api, token);
    assertThat(orders.statusCode()).as(orders.body()).isEqualTo(200);
    assertThat(get(http, api, "not-a-token").statusCode()).isEqualTo(401);
    assertThat(output)
        .anyMatch(line -> line.startsWith("  orderly-dev-orders "))
        .anyMatch(line -> line.startsWith("  POST /orders "))
        .anyMatch(line -> line.startsWith("  export AWS_ENDPOINT_URL_DYNAMODB=http://127.0.0.1:"))
        .anyMatch(line -> line.startsWith("  export AWS_ENDPOINT_URL_SQS=http://127.0.0.1:"));

    // Ctrl-C is SIGINT; a build started in the background (`mvn verify &`) runs with SIGINT
    // ignored, which every process it starts inherits and the JVM then leaves ignored. There the
    // test sends SIGTERM, which runs the same shutdown hook (exit 128 + the signal's number).
    int signal = sigintIgnored() ? 15 : 2;
    Process kill =
        new ProcessBuilder("kill", "-" + signal, Long.toString(up.pid())).inheritIO().start();
    assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(up.waitFor(BOOT.toSeconds(), TimeUnit.SECONDS))
        .as("exited after signal %d", signal)
        .isTrue();
    reader.join(Duration.ofSeconds(10).toMillis()); // its last lines read

    assertThat(up.exitValue()).isEqualTo(128 + signal);
    assertThat(output).contains("orderly: shutting down");
    assertThatThrownBy(() -> get(HttpClient.newHttpClient(), api, token))
        .isInstanceOf(ConnectException.class);
  }

  private Process start(Path state) throws IOException {
    String java =
        ProcessHandle.current()
            .info()
            .command()
            .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    Process process =
        new ProcessBuilder(
                java,
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                Orderly.class.getName(),
                "--repository",
                REPOSITORY.toString(),
                "--state-dir",
                state.toString(),
                "up",
                "--ephemeral-ports")
            .redirectErrorStream(true)
            .start();
    reader =
        new Thread(
            () -> {
              try (BufferedReader lines =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                lines.lines().forEach(output::add);
              } catch (IOException | UncheckedIOException closed) {
                // the process ended
              }
            },
            "orderly-up-output");
    reader.setDaemon(true);
    reader.start();
    return process;
  }

  /** Whether this JVM (and so any process it starts) has SIGINT ignored: Linux's SigIgn mask. */
  private static boolean sigintIgnored() throws IOException {
    Path status = Path.of("/proc/self/status");
    if (!Files.isReadable(status)) {
      return false;
    }
    for (String line : Files.readAllLines(status)) {
      if (line.startsWith("SigIgn:")) {
        return (Long.parseUnsignedLong(line.substring("SigIgn:".length()).strip(), 16) & 0b10) != 0;
      }
    }
    return false;
  }

  /** The rest of the line that starts with {@code label} (the printout's "label value"). */
  private String value(String label) {
    Optional<String> line = output.stream().filter(l -> l.startsWith(label + " ")).findFirst();
    assertThat(line).as("a line starting with '%s' in %s", label, output).isPresent();
    return line.get().substring(label.length()).strip();
  }

  private static HttpResponse<String> get(HttpClient http, URI api, String token)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(api + "/orders"))
            .header("Authorization", "Bearer " + token)
            .timeout(Duration.ofSeconds(30))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
