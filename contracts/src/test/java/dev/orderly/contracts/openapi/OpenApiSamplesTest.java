package dev.orderly.contracts.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import dev.orderly.contracts.Repository;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The HTTP samples of {@code events/} are requests the document allows: their bodies validate
 * against the operation's request schema (which refuses an unknown field, as the handlers do), and
 * their path and query parameters are the operation's.
 */
class OpenApiSamplesTest {
  private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");

  static Stream<Path> httpSamples() {
    return Repository.files(Repository.path("events"), ".json").stream()
        .filter(f -> Repository.json(f).path("version").asText().equals("2.0"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("httpSamples")
  void theSample_isARequestTheDocumentAllows(Path file) {
    JsonNode sample = Repository.json(file);
    String route = sample.get("routeKey").asText();
    JsonNode operation = OpenApi.operations().get(route);
    assertThat(operation).as("an operation for %s", route).isNotNull();

    List<String> expected = new ArrayList<>();
    Matcher names = PATH_PARAMETER.matcher(route);
    while (names.find()) {
      expected.add(names.group(1));
    }
    List<String> actual = new ArrayList<>();
    sample.path("pathParameters").fieldNames().forEachRemaining(actual::add);
    assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);

    sample
        .path("queryStringParameters")
        .fields()
        .forEachRemaining(
            q -> {
              JsonNode parameter = parameter(operation, q.getKey());
              assertThat(parameter).as("query parameter %s", q.getKey()).isNotNull();
              assertThat(Integer.parseInt(q.getValue().asText()))
                  .isBetween(
                      parameter.at("/schema/minimum").asInt(),
                      parameter.at("/schema/maximum").asInt());
            });

    if (operation.has("requestBody")) {
      Schema schema = OpenApi.schemaAt(bodyPointer(route));
      JsonNode body = Repository.json(sample.get("body").asText());
      assertThat(OpenApi.violations(schema, body)).isEmpty();
      ObjectNode extra = body.deepCopy();
      extra.put("unexpected", true);
      assertThat(OpenApi.violations(schema, extra)).as("an unknown field").isNotEmpty();
    } else {
      assertThat(sample.has("body")).as("a body for %s", route).isFalse();
    }
  }

  private static JsonNode parameter(JsonNode operation, String name) {
    for (JsonNode p : operation.path("parameters")) {
      JsonNode parameter = OpenApi.resolve(p);
      if (parameter.path("name").asText().equals(name)) {
        return parameter;
      }
    }
    return null;
  }

  private static String bodyPointer(String route) {
    String[] parts = route.split(" ", 2);
    return "/paths/"
        + parts[1].replace("~", "~0").replace("/", "~1")
        + "/"
        + parts[0].toLowerCase()
        + "/requestBody/content/application~1json/schema";
  }
}
