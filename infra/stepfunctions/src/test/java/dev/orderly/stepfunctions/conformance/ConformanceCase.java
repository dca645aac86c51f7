package dev.orderly.stepfunctions.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderly.stepfunctions.oracle.TaskOutcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One file of the conformance corpus ({@code src/test/resources/conformance/<area>/<name>.json}):
 *
 * <pre>{@code
 * {"comment": "what it checks", "definition": {ASL}, "input": ...,
 *  "tasks": {"<Resource ARN or Task state name>": [<result> | {"error": "E", "cause": "C"}, ...]},
 *  "expected": {...}, "source": "<AWS documentation URL + the sentence it rests on>"}
 * }</pre>
 *
 * {@code expected} and {@code source} come together and only where aws-local-stepfunctions is wrong
 * or lacks the feature; the file then states what the documentation requires. A task entry that is
 * an object with a string "error" and nothing but "error" and "cause" is an error the task throws
 * (as the oracle driver reads it); {@code {"afterMs": N, "then": <entry>}} is that entry after N
 * milliseconds (real time on the oracle, virtual time on the interpreter); anything else is the
 * task's result. For a {@code .waitForTaskToken} task the interpreter's side answers the entry
 * through the task token that the state passes in its Parameters.
 */
record ConformanceCase(
    String name,
    String comment,
    JsonNode definition,
    JsonNode input,
    Map<String, List<TaskOutcome>> tasks,
    Outcome expected,
    String source) {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> FIELDS =
      Set.of("comment", "definition", "input", "tasks", "expected", "source");

  ConformanceCase {
    require(
        comment != null && !comment.isBlank(), name, "needs a \"comment\" saying what it checks");
    require(definition != null && definition.isObject(), name, "needs a \"definition\" object");
    require(input != null, name, "needs an \"input\"");
    require((expected == null) == (source == null), name, "has \"expected\" without \"source\"");
    require(
        source == null || source.startsWith("https://"),
        name,
        "\"source\" starts with the documentation URL");
    tasks = Map.copyOf(tasks);
  }

  private static void require(boolean condition, String name, String problem) {
    if (!condition) {
      throw new IllegalArgumentException(name + " " + problem);
    }
  }

  /** Every case under {@code root}, named by its path relative to it, in path order. */
  static List<ConformanceCase> readAll(Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      List<Path> paths =
          files
              .filter(Files::isRegularFile)
              .filter(p -> p.toString().endsWith(".json"))
              .sorted()
              .collect(Collectors.toList());
      List<ConformanceCase> cases = new ArrayList<>();
      for (Path file : paths) {
        cases.add(read(root.relativize(file).toString().replace('\\', '/'), file));
      }
      return cases;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the corpus under " + root, e);
    }
  }

  static ConformanceCase read(String name, Path file) {
    JsonNode node;
    try {
      node = JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read corpus file " + file, e);
    }
    require(node != null && node.isObject(), name, "is a JSON object");
    node.fieldNames()
        .forEachRemaining(
            field ->
                require(FIELDS.contains(field), name, "has an unknown field \"" + field + "\""));
    Map<String, List<TaskOutcome>> tasks = new LinkedHashMap<>();
    node.path("tasks")
        .fields()
        .forEachRemaining(
            entry -> {
              require(entry.getValue().isArray(), name, "scripts each task with an array");
              List<TaskOutcome> outcomes = new ArrayList<>();
              entry.getValue().forEach(outcome -> outcomes.add(outcome(outcome)));
              tasks.put(entry.getKey(), outcomes);
            });
    return new ConformanceCase(
        name,
        node.path("comment").asText(null),
        node.get("definition"),
        node.get("input"),
        tasks,
        node.has("expected") ? Outcome.fromJson(node.get("expected")) : null,
        node.path("source").asText(null));
  }

  private static TaskOutcome outcome(JsonNode entry) {
    if (entry.isObject()
        && entry.size() == 2
        && entry.path("afterMs").canConvertToLong()
        && entry.has("then")) {
      return TaskOutcome.after(entry.get("afterMs").asLong(), outcome(entry.get("then")));
    }
    boolean thrown = entry.isObject() && entry.path("error").isTextual();
    for (var fields = entry.fieldNames(); thrown && fields.hasNext(); ) {
      String field = fields.next();
      thrown = field.equals("error") || field.equals("cause");
    }
    return thrown
        ? TaskOutcome.fails(entry.get("error").textValue(), entry.path("cause").asText(""))
        : TaskOutcome.returns(entry);
  }

  @Override
  public String toString() {
    return name;
  }
}
