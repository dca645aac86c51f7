package dev.orderly.stepfunctions.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every ASL definition the repository holds: the conformance corpus and every {@code *.asl.json}
 * file. Deliberately invalid definitions, if a test needs some, belong in a directory of their own
 * outside these places.
 */
final class AslDefinitions {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> SKIPPED = Set.of("node_modules", "target", ".git");

  private AslDefinitions() {}

  /** The definitions, each named by where it lives. */
  static Map<String, JsonNode> inRepository() {
    Map<String, JsonNode> definitions = new LinkedHashMap<>();
    for (Path corpus : List.of(Corpus.CASES)) {
      if (Files.isDirectory(corpus)) {
        String prefix = corpus.getFileName() + "/";
        ConformanceCase.readAll(corpus)
            .forEach(c -> definitions.put(prefix + c.name(), c.definition()));
      }
    }
    for (Path file : aslFilesUnder(Corpus.REPOSITORY)) {
      definitions.put(Corpus.REPOSITORY.relativize(file).toString().replace('\\', '/'), read(file));
    }
    return definitions;
  }

  /** The {@code *.asl.json} files under {@code root}, skipping node_modules, target and .git. */
  static List<Path> aslFilesUnder(Path root) {
    List<Path> found = new ArrayList<>();
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
              return !dir.equals(root) && SKIPPED.contains(dir.getFileName().toString())
                  ? FileVisitResult.SKIP_SUBTREE
                  : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              if (attrs.isRegularFile() && file.getFileName().toString().endsWith(".asl.json")) {
                found.add(file);
              }
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot walk " + root, e);
    }
    Collections.sort(found);
    return found;
  }

  private static JsonNode read(Path file) {
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
