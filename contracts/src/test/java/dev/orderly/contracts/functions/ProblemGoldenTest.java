package dev.orderly.contracts.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.orderly.contracts.Repository;
import dev.orderly.contracts.functions.HttpCases.HttpCase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The problem documents clients see, pinned: for each stable error code the API answers, the body a
 * real handler produces is the one in {@code golden/problems/<code>.json}, after normalising what
 * varies per run (ids in {@code instance}, a correlation id the function made up). A change to a
 * title, a detail or a member shows here as a diff to review.
 *
 * <p>To regenerate after a deliberate change: {@code mvn -o -B -pl contracts test
 * -Dtest=ProblemGoldenTest -Dgolden.update=true}, then review the diff. Without that property the
 * test only reads the files.
 */
class ProblemGoldenTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path GOLDEN =
      Repository.path("contracts/src/test/resources/golden/problems");
  private static final Pattern UUID =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  private static final String SAMPLE_CORRELATION_ID = "c0a8012e-7b7a-4bd6-9d3e-5f1f5c2b9a10";
  private static final List<String> REQUIRED =
      List.of(
          "VALIDATION_FAILED",
          "MALFORMED_BODY",
          "NOT_FOUND",
          "EMAIL_ALREADY_EXISTS",
          "VERSION_MISMATCH",
          "PRECONDITION_REQUIRED",
          "IDEMPOTENCY_KEY_MISSING",
          "IDEMPOTENCY_KEY_REUSED",
          "PAYLOAD_TOO_LARGE",
          "UNSUPPORTED_MEDIA_TYPE",
          "INVALID_CURSOR");

  /** The first request of {@link HttpCases} that answers each code. */
  static Stream<HttpCase> oneCasePerCode() {
    Map<String, HttpCase> byCode = new LinkedHashMap<>();
    HttpCases.all().stream()
        .filter(c -> c.code() != null)
        .forEach(c -> byCode.putIfAbsent(c.code(), c));
    return byCode.values().stream();
  }

  @Test
  void everyStableCode_hasAGoldenFileAndARequestThatProducesIt() {
    assertThat(oneCasePerCode().map(HttpCase::code)).containsAll(REQUIRED);
    for (String code : REQUIRED) {
      assertThat(GOLDEN.resolve(code + ".json")).isRegularFile();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("oneCasePerCode")
  void theProblem_isTheGoldenOne(HttpCase request) throws IOException {
    APIGatewayV2HTTPResponse response = request.run();
    assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
    JsonNode actual = normalise(JSON.readTree(response.getBody()));
    Path golden = GOLDEN.resolve(request.code() + ".json");

    if (Boolean.getBoolean("golden.update")) {
      write(golden, actual);
    }

    assertThat(golden).as("golden file for %s", request.code()).isRegularFile();
    JsonNode expected = JSON.readTree(golden.toFile());
    assertThat(actual).as("%s (from: %s)", request.code(), request.name()).isEqualTo(expected);
  }

  /** Ids in {@code instance} become {@code <id>}; a correlation id not the request's, too. */
  private static JsonNode normalise(JsonNode problem) {
    ObjectNode copy = problem.deepCopy();
    if (copy.has("instance")) {
      copy.put("instance", UUID.matcher(copy.get("instance").asText()).replaceAll("<id>"));
    }
    JsonNode correlationId = copy.get("correlationId");
    if (correlationId != null && !correlationId.asText().equals(SAMPLE_CORRELATION_ID)) {
      copy.set("correlationId", TextNode.valueOf("<generated>"));
    }
    return copy;
  }

  private static void write(Path golden, JsonNode problem) {
    try {
      Files.createDirectories(golden.getParent());
      Files.writeString(
          golden, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(problem) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
