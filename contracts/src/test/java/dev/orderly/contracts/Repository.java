package dev.orderly.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The repository's shared artefacts as the contract tests read them: {@code template.yaml}, {@code
 * statemachines/}, {@code events/}, {@code openapi/} and the function modules, from the root. The
 * root is the {@code orderly.repository} system property (Surefire sets it) or, when a test runs
 * from an IDE, the parent of the working directory.
 */
public final class Repository {
  public static final Path ROOT = locate();

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private Repository() {}

  private static Path locate() {
    String configured = System.getProperty("orderly.repository");
    Path root =
        configured != null
            ? Path.of(configured)
            : Files.isRegularFile(Path.of("template.yaml")) ? Path.of("") : Path.of("..");
    return root.toAbsolutePath().normalize();
  }

  public static Path path(String relative) {
    return ROOT.resolve(relative);
  }

  public static String text(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  public static JsonNode json(Path file) {
    return parse(JSON, file);
  }

  public static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + text, e);
    }
  }

  /** Plain YAML: a CloudFormation short tag such as {@code !Ref} would be lost here. */
  public static JsonNode yaml(Path file) {
    return parse(YAML, file);
  }

  /**
   * The regular files directly in {@code directory} whose names end with {@code suffix}, sorted.
   */
  public static List<Path> files(Path directory, String suffix) {
    try (Stream<Path> files = Files.list(directory)) {
      return files
          .filter(Files::isRegularFile)
          .filter(f -> f.getFileName().toString().endsWith(suffix))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + directory, e);
    }
  }

  private static JsonNode parse(ObjectMapper mapper, Path file) {
    try {
      return mapper.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot parse " + file, e);
    }
  }
}
