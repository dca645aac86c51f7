package dev.orderly.localcloud.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderly.localcloud.cloud.CloudSettings;
import dev.orderly.localcloud.cloud.LocalCloud;
import dev.orderly.localcloud.cloud.Ports;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code orderly token} and {@code orderly invoke} as a user runs them, on a state dir of their
 * own.
 */
class CommandsTest {
  private static final Path REPOSITORY = Path.of(System.getProperty("orderly.repository"));
  private static final ObjectMapper JSON = new ObjectMapper();

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int orderly(Path state, String... args) {
    CommandLine command =
        Orderly.commandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
    String[] all = new String[args.length + 4];
    all[0] = "--repository";
    all[1] = REPOSITORY.toString();
    all[2] = "--state-dir";
    all[3] = state.toString();
    System.arraycopy(args, 0, all, 4, args.length);
    return command.execute(all);
  }

  @Test
  void token_isAcceptedByTheApiOfACloudOnTheSameStateDirectory(@TempDir Path state)
      throws Exception {
    assertThat(orderly(state, "token", "--tenant", "acme", "--sub", "alice")).isZero();
    String token = out.toString().strip();

    try (LocalCloud cloud =
        LocalCloud.start(
            CloudSettings.of(REPOSITORY).withStateDirectory(state).withPorts(Ports.ephemeral()),
            mail -> {})) {
      HttpResponse<String> orders =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(cloud.apiUrl() + "/orders"))
                      .header("Authorization", "Bearer " + token)
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      HttpResponse<String> forged =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(cloud.apiUrl() + "/orders"))
                      .header("Authorization", "Bearer " + token.substring(0, token.length() - 4))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());

      assertThat(orders.statusCode()).as(orders.body()).isEqualTo(200);
      assertThat(forged.statusCode()).isEqualTo(401);
    }
  }

  @Test
  void invoke_runsOneFunctionWithAnEventFileAndPrintsItsResponse(@TempDir Path state)
      throws Exception {
    int code =
        orderly(
            state,
            "invoke",
            "GetUserFunction",
            "-e",
            REPOSITORY.resolve("events/GetUserFunction.json").toString());

    assertThat(code).as(err.toString()).isZero();
    JsonNode response = JSON.readTree(out.toString());
    assertThat(response.path("statusCode").asInt()).isEqualTo(404);
    assertThat(JSON.readTree(response.path("body").asText()).path("code").asText())
        .isEqualTo("NOT_FOUND");
  }

  @Test
  void invoke_ofAFunctionTheTemplateLacks_namesTheOnesItHas(@TempDir Path state) {
    int code =
        orderly(
            state,
            "invoke",
            "NoSuchFunction",
            "-e",
            REPOSITORY.resolve("events/GetUserFunction.json").toString());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("orderly: no function NoSuchFunction", "GetUserFunction");
  }
}
