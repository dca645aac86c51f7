package dev.orderly.stepfunctions.internal.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderly.stepfunctions.oracle.AwsLocalStepFunctions;
import dev.orderly.stepfunctions.oracle.ValidationResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Validation on create against asl-validator 4.0.0, definition by definition: the corpus under
 * {@code validation/} holds definitions both reject ({@code invalid/}, each with the problem we
 * must report and the asl-validator error that shows it rejects the same thing), definitions only
 * we reject ({@code beyond-asl-validator/}: what it misses, and where AWS is stricter than it), and
 * definitions both accept ({@code valid/}).
 */
class ValidationConformanceTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static AwsLocalStepFunctions oracle;

  @BeforeAll
  static void start() {
    oracle = AwsLocalStepFunctions.start();
  }

  @AfterAll
  static void stop() {
    oracle.close();
  }

  /** One corpus file: {@code problem} and {@code aslValidator} are substrings to find. */
  record Case(String file, JsonNode definition, String problem, String aslValidator) {
    @Override
    public String toString() {
      return file;
    }
  }

  static Stream<Case> invalid() {
    return corpus("invalid").stream();
  }

  static Stream<Case> beyondAslValidator() {
    return corpus("beyond-asl-validator").stream();
  }

  static Stream<Case> valid() {
    return corpus("valid").stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void invalidDefinition_isRejectedByBoth_namingStateAndField(Case c) {
    ValidationResult asl = oracle.validate(c.definition());
    List<String> ours = problems(c.definition());

    assertThat(asl.valid()).as("asl-validator accepts it").isFalse();
    assertThat(asl.errors())
        .extracting(error -> error.code() + ": " + error.message())
        .as("asl-validator's errors")
        .anyMatch(error -> error.contains(c.aslValidator()));
    assertThat(ours).as("our problems").anyMatch(problem -> problem.contains(c.problem()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("beyondAslValidator")
  void whatAslValidatorMisses_isRejectedByUs(Case c) {
    ValidationResult asl = oracle.validate(c.definition());
    List<String> ours = problems(c.definition());

    assertThat(asl.valid()).as("asl-validator rejects it: %s", asl.errors()).isTrue();
    assertThat(ours).as("our problems").anyMatch(problem -> problem.contains(c.problem()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("valid")
  void validDefinition_isAcceptedByBoth(Case c) {
    ValidationResult asl = oracle.validate(c.definition());
    List<String> ours = problems(c.definition());

    assertThat(asl.valid()).as("asl-validator rejects it: %s", asl.errors()).isTrue();
    assertThat(ours).as("our problems").isEmpty();
  }

  @Test
  void corpus_hasEnoughOfEachKind() {
    assertThat(corpus("invalid")).hasSizeGreaterThanOrEqualTo(40);
    assertThat(corpus("beyond-asl-validator")).hasSizeGreaterThanOrEqualTo(4);
    assertThat(corpus("valid")).hasSizeGreaterThanOrEqualTo(10);
  }

  private static List<String> problems(JsonNode definition) {
    return DefinitionValidator.validate(definition).stream()
        .map(DefinitionValidator.Problem::toString)
        .toList();
  }

  /** The cases in {@code validation/<kind>}, by file name; a case missing a field fails here. */
  private static List<Case> corpus(String kind) {
    URL url = ValidationConformanceTest.class.getResource("/validation/" + kind);
    if (url == null) {
      throw new IllegalStateException("no test resources under validation/" + kind);
    }
    try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
      return files
          .filter(file -> file.toString().endsWith(".json"))
          .sorted()
          .map(file -> read(file, kind))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Case read(Path file, String kind) {
    JsonNode json;
    try {
      json = JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String name = file.getFileName().toString();
    require(json, "comment", name);
    require(json, "definition", name);
    if (!kind.equals("valid")) {
      require(json, "problem", name);
    }
    if (kind.equals("invalid")) {
      require(json, "aslValidator", name);
    }
    return new Case(
        name,
        json.get("definition"),
        json.path("problem").asText(null),
        json.path("aslValidator").asText(null));
  }

  private static void require(JsonNode json, String field, String file) {
    if (!json.hasNonNull(field)) {
      throw new IllegalStateException(file + " has no \"" + field + "\"");
    }
  }
}
