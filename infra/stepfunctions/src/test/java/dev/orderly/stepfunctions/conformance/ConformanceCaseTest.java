package dev.orderly.stepfunctions.conformance;

import static dev.orderly.stepfunctions.oracle.AwsLocalStepFunctions.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderly.stepfunctions.oracle.TaskOutcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading corpus files: every field checked, task entries read as the oracle driver reads them. */
class ConformanceCaseTest {
  private static final String DEFINITION =
      "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Succeed\"}}}";

  @Test
  void readAll_namesCasesByRelativePathAndReadsTasks(@TempDir Path root) throws IOException {
    write(
        root.resolve("area/b.json"),
        "{\"comment\": \"c\", \"definition\": "
            + DEFINITION
            + ", \"input\": 1, \"tasks\": {\"arn:t\": [{\"error\": \"E\", \"cause\": \"C\"},"
            + " {\"error\": \"E\", \"extra\": 1}, {\"error\": \"OnlyError\"}]}}");
    write(
        root.resolve("area/a.json"),
        "{\"comment\": \"c\", \"definition\": " + DEFINITION + ", \"input\": {}}");

    List<ConformanceCase> cases = ConformanceCase.readAll(root);

    assertThat(cases)
        .extracting(ConformanceCase::name)
        .containsExactly("area/a.json", "area/b.json");
    assertThat(cases.get(1).tasks().get("arn:t"))
        .containsExactly(
            TaskOutcome.fails("E", "C"),
            TaskOutcome.returns(json("{\"error\": \"E\", \"extra\": 1}")),
            TaskOutcome.fails("OnlyError", ""));
  }

  @Test
  void anExpectedOutcomeWithoutItsSource_isRejected(@TempDir Path root) throws IOException {
    Path file =
        write(
            root.resolve("x.json"),
            "{\"comment\": \"c\", \"definition\": "
                + DEFINITION
                + ", \"input\": {}, \"expected\": {\"status\": \"SUCCEEDED\", \"output\": {}}}");

    assertThatThrownBy(() -> ConformanceCase.read("x.json", file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"expected\" without \"source\"");
  }

  @Test
  void anUnknownFieldOrAMissingComment_isRejected(@TempDir Path root) throws IOException {
    Path typo =
        write(
            root.resolve("typo.json"),
            "{\"comment\": \"c\", \"definition\": "
                + DEFINITION
                + ", \"input\": {}, \"task\": {}}");
    Path silent =
        write(root.resolve("silent.json"), "{\"definition\": " + DEFINITION + ", \"input\": {}}");

    assertThatThrownBy(() -> ConformanceCase.read("typo.json", typo))
        .hasMessageContaining("unknown field \"task\"");
    assertThatThrownBy(() -> ConformanceCase.read("silent.json", silent))
        .hasMessageContaining("comment");
  }

  private static Path write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text);
  }
}
