package dev.orderly.stepfunctions.conformance;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the corpus lives, from the module directory (Surefire's working directory). */
final class Corpus {
  /** This module's directory: the working directory, or its path from the repository root. */
  static final Path MODULE =
      Files.isRegularFile(Path.of("oracle", "driver.mjs"))
          ? Path.of("").toAbsolutePath()
          : Path.of("infra", "stepfunctions").toAbsolutePath();

  /** The cases {@link ConformanceTest} runs. */
  static final Path CASES = MODULE.resolve("src/test/resources/conformance");

  /** The repository root, walked for {@code *.asl.json} definitions. */
  static final Path REPOSITORY = MODULE.resolve("../..").normalize();

  private Corpus() {}
}
