package dev.orderly.stepfunctions.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderly.stepfunctions.oracle.AwsLocalStepFunctions;
import dev.orderly.stepfunctions.oracle.ValidationResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * asl-validator 4.0.0 accepts every ASL definition in the repository (see {@link AslDefinitions}),
 * so that no definition we run or ship relies on something the States Language does not allow.
 */
class AslValidatorTest {
  private static AwsLocalStepFunctions oracle;

  @BeforeAll
  static void start() {
    oracle = AwsLocalStepFunctions.start();
  }

  @AfterAll
  static void stop() {
    oracle.close();
  }

  static Stream<Arguments> definitions() {
    return AslDefinitions.inRepository().entrySet().stream()
        .map(e -> Arguments.of(e.getKey(), e.getValue()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("definitions")
  void aslValidatorAcceptsTheDefinition(String name, JsonNode definition) {
    ValidationResult verdict = oracle.validate(definition);

    assertThat(verdict.errors()).as("asl-validator's errors for %s", name).isEmpty();
    assertThat(verdict.valid()).as("asl-validator's verdict on %s", name).isTrue();
  }

  @Test
  void definitions_includeEveryConformanceCase() throws IOException {
    long corpusFiles;
    try (Stream<Path> files = Files.walk(Corpus.CASES)) {
      corpusFiles = files.filter(p -> p.toString().endsWith(".json")).count();
    }

    Map<String, JsonNode> definitions = AslDefinitions.inRepository();

    assertThat(corpusFiles).isPositive();
    assertThat(definitions.keySet().stream().filter(n -> n.startsWith("conformance/")))
        .hasSize((int) corpusFiles);
  }

  @Test
  void aslFilesUnder_findsDefinitionsButNotInNodeModulesTargetOrGit(@TempDir Path root)
      throws IOException {
    Path shipped = write(root.resolve("services/orders/checkout.asl.json"));
    write(root.resolve("services/orders/node_modules/dep/sample.asl.json"));
    write(root.resolve("services/orders/target/classes/checkout.asl.json"));
    write(root.resolve(".git/objects/copy.asl.json"));
    write(root.resolve("services/orders/checkout.json"));

    List<Path> found = AslDefinitions.aslFilesUnder(root);

    assertThat(found).containsExactly(shipped);
  }

  private static Path write(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    return Files.writeString(file, "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Succeed\"}}}");
  }
}
