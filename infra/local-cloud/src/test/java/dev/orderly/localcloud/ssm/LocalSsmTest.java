package dev.orderly.localcloud.ssm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.GetParametersByPathResponse;
import software.amazon.awssdk.services.ssm.model.Parameter;
import software.amazon.awssdk.services.ssm.model.ParameterAlreadyExistsException;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;
import software.amazon.awssdk.services.ssm.model.ParameterType;

class LocalSsmTest {
  private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");

  @TempDir Path dir;
  private LocalSsm ssm;
  private SsmClient client;

  private void start(String fileName, String content) throws IOException {
    Path file = dir.resolve(fileName);
    Files.writeString(file, content);
    ssm = LocalSsm.start(0, file, "eu-west-1", "123456789012", Clock.fixed(NOW, ZoneOffset.UTC));
    client =
        SsmClient.builder()
            .endpointOverride(ssm.endpoint())
            .region(Region.EU_WEST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
            .httpClient(UrlConnectionHttpClient.builder().build())
            .build();
  }

  private Parameter get(String name, boolean decrypt) {
    return client.getParameter(b -> b.name(name).withDecryption(decrypt)).parameter();
  }

  @AfterEach
  void stop() {
    if (ssm != null) {
      client.close();
      ssm.close();
    }
  }

  @Test
  void getParameter_answersWithTheFilesValueVersionDateAndArn() throws IOException {
    start("params.json", "{\"/orderly/dev/feature/x\": \"on\"}");

    Parameter parameter = get("/orderly/dev/feature/x", false);

    assertThat(parameter.name()).isEqualTo("/orderly/dev/feature/x");
    assertThat(parameter.type()).isEqualTo(ParameterType.STRING);
    assertThat(parameter.value()).isEqualTo("on");
    assertThat(parameter.version()).isEqualTo(1L);
    assertThat(parameter.lastModifiedDate()).isEqualTo(NOW);
    assertThat(parameter.arn())
        .isEqualTo("arn:aws:ssm:eu-west-1:123456789012:parameter/orderly/dev/feature/x");
    assertThat(parameter.dataType()).isEqualTo("text");
  }

  @Test
  void getParameter_ofAnUnknownNameIsParameterNotFound() throws IOException {
    start("params.json", "{}");

    assertThatThrownBy(() -> get("/nope", false)).isInstanceOf(ParameterNotFoundException.class);
  }

  @Test
  void secureStringsAreDecryptedOnlyWhenAsked() throws IOException {
    start(
        "params.json",
        "{\"/orderly/dev/key\": {\"type\": \"SecureString\", \"value\": \"s3cr3t\"},"
            + " \"/orderly/dev/hosts\": [\"a\", \"b\"]}");

    assertThat(get("/orderly/dev/key", true).value()).isEqualTo("s3cr3t");
    assertThat(get("/orderly/dev/key", false).value()).isNotEqualTo("s3cr3t").isNotBlank();
    assertThat(get("/orderly/dev/key", false).type()).isEqualTo(ParameterType.SECURE_STRING);
    assertThat(get("/orderly/dev/hosts", false).type()).isEqualTo(ParameterType.STRING_LIST);
    assertThat(get("/orderly/dev/hosts", false).value()).isEqualTo("a,b");
  }

  @Test
  void anEditOfTheFileIsServedWithTheNextVersion() throws IOException {
    start("params.properties", "/orderly/dev/feature/x = off\n/orderly/dev/other = 1\n");
    assertThat(get("/orderly/dev/feature/x", false).value()).isEqualTo("off");

    Files.writeString(
        dir.resolve("params.properties"), "/orderly/dev/feature/x = on\n/orderly/dev/other = 1\n");

    Parameter edited = get("/orderly/dev/feature/x", false);
    assertThat(edited.value()).isEqualTo("on");
    assertThat(edited.version()).isEqualTo(2L);
    assertThat(get("/orderly/dev/other", false).version()).isEqualTo(1L);
  }

  @Test
  void aBrokenEditKeepsTheLastGoodParameters() throws IOException {
    start("params.json", "{\"/a\": \"1\"}");
    Files.writeString(dir.resolve("params.json"), "{\"/a\": ");

    assertThat(get("/a", false).value()).isEqualTo("1");
  }

  @Test
  void getParameters_listsUnknownNamesAsInvalid() throws IOException {
    start("params.json", "{\"/a\": \"1\", \"/b\": \"2\"}");

    var response = client.getParameters(b -> b.names("/a", "/zz", "/b"));

    assertThat(response.parameters()).extracting(Parameter::value).containsExactly("1", "2");
    assertThat(response.invalidParameters()).containsExactly("/zz");
  }

  @Test
  void getParametersByPath_isOneLevelUnlessRecursiveAndPages() throws IOException {
    StringBuilder json = new StringBuilder("{\"/orderly/dev/deep/x\": \"d\"");
    for (int i = 0; i < 12; i++) {
      json.append(String.format(", \"/orderly/dev/p%02d\": \"%d\"", i, i));
    }
    start("params.json", json.append(", \"/orderly/prod/p\": \"no\"}").toString());

    List<String> oneLevel = new ArrayList<>();
    client
        .getParametersByPathPaginator(b -> b.path("/orderly/dev").maxResults(5))
        .forEach(page -> page.parameters().forEach(p -> oneLevel.add(p.name())));
    GetParametersByPathResponse recursive =
        client.getParametersByPath(b -> b.path("/orderly/dev/").recursive(true).maxResults(10));

    assertThat(oneLevel).hasSize(12).isSorted().allMatch(n -> n.matches("/orderly/dev/p\\d\\d"));
    assertThat(recursive.parameters()).hasSize(10);
    assertThat(recursive.parameters().get(0).name()).isEqualTo("/orderly/dev/deep/x");
    assertThat(recursive.nextToken()).isNotNull();
  }

  @Test
  void putParameter_writesANewVersionAndRefusesToOverwriteUnlessAsked() throws IOException {
    start("params.json", "{\"/a\": \"1\"}");

    assertThatThrownBy(() -> client.putParameter(b -> b.name("/a").value("2").type("String")))
        .isInstanceOf(ParameterAlreadyExistsException.class);
    long version =
        client.putParameter(b -> b.name("/a").value("2").type("String").overwrite(true)).version();

    assertThat(version).isEqualTo(2L);
    assertThat(get("/a", false).value()).isEqualTo("2");
  }

  @Test
  void aFileThatDoesNotParseFailsAtStart() throws IOException {
    Path file = dir.resolve("bad.json");
    Files.write(file, "[1]".getBytes(StandardCharsets.UTF_8));

    assertThatThrownBy(() -> LocalSsm.start(0, file, "eu-west-1", "1", Clock.systemUTC()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("JSON object");
  }
}
