package dev.orderly.dynamodb.differential;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderly.dynamodb.DynamoDbEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every scenario under {@code src/test/resources/differential} against this engine and against
 * dynalite 4.0.0, operation by operation, and asserts identical answers: status, items, pages,
 * error types and — unless a line is marked {@code ~} because dynalite's wording differs from
 * DynamoDB's — error messages.
 *
 * <p>Scenario format: one request per line, {@code [~] Operation {json}}; {@code $T} and {@code $U}
 * stand for table names unique to the scenario; {@code #} starts a comment.
 */
class DifferentialTest {
  private static final Path SCENARIOS = Path.of("src/test/resources/differential");

  private static Dynalite dynalite;
  private static DynamoDbEngine engine;
  private static WireClient oracle;
  private static WireClient subject;

  @BeforeAll
  static void start() {
    dynalite = Dynalite.start();
    engine = DynamoDbEngine.start();
    oracle = new WireClient(dynalite.endpoint());
    subject = new WireClient(engine.endpoint());
  }

  @AfterAll
  static void stop() {
    if (engine != null) {
      engine.close();
    }
    if (dynalite != null) {
      dynalite.close();
    }
  }

  /**
   * One request. {@code expected} is set for lines marked {@code !}, where dynalite departs from
   * DynamoDB's documented behaviour: the engine must give that answer and dynalite must not.
   */
  record Step(int line, boolean messageMayDiffer, String operation, String body, String expected) {}

  @TestFactory
  Stream<DynamicNode> scenarios() throws IOException {
    List<DynamicNode> nodes = new ArrayList<>();
    try (Stream<Path> files = Files.list(SCENARIOS)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
        String scenario = file.getFileName().toString().replace(".txt", "");
        List<Step> steps = parse(file, scenario);
        List<DynamicTest> tests = new ArrayList<>();
        for (Step step : steps) {
          tests.add(
              DynamicTest.dynamicTest(
                  "line " + step.line() + ": " + step.operation(), () -> compare(step)));
        }
        nodes.add(DynamicContainer.dynamicContainer(scenario, tests));
      }
    }
    return nodes.stream();
  }

  /** The suite must keep its promised breadth: at least 150 compared operations. */
  @Test
  void suite_comparesAtLeast150Operations() throws IOException {
    int count = 0;
    try (Stream<Path> files = Files.list(SCENARIOS)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".txt")).toList()) {
        count += parse(file, "x").size();
      }
    }
    assertThat(count).isGreaterThanOrEqualTo(150);
  }

  private static List<Step> parse(Path file, String scenario) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Step> steps = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      boolean loose = line.startsWith("~");
      boolean documented = line.startsWith("!");
      if (loose || documented) {
        line = line.substring(1).strip();
      }
      String expected = null;
      if (documented) {
        String next = lines.get(++i).strip();
        if (!next.startsWith("=")) {
          throw new IllegalStateException(file + ":" + (i + 1) + ": a '!' line needs '= answer'");
        }
        expected = next.substring(1).strip();
      }
      int space = line.indexOf(' ');
      String operation = line.substring(0, space);
      String body =
          line.substring(space + 1)
              .replace("$T", "dt_" + scenario + "_t")
              .replace("$U", "dt_" + scenario + "_u");
      steps.add(new Step(i + 1, loose, operation, body, expected));
    }
    return steps;
  }

  private static void compare(Step step) {
    if (step.expected() != null) {
      compareWithDocumented(step);
      return;
    }
    WireClient.Response expected = callOracle(step);
    WireClient.Response actual = subject.call(step.operation(), step.body());
    String context = step.operation() + " " + step.body();
    assertThat(actual.status()).as("status of " + context).isEqualTo(expected.status());
    if (expected.body().has("__type")) {
      assertThat(errorType(actual.body()))
          .as("error type of " + context)
          .isEqualTo(errorType(expected.body()));
      if (!step.messageMayDiffer()) {
        assertThat(actual.body().path("message").asText())
            .as("error message of " + context)
            .isEqualTo(expected.body().path("message").asText());
      }
      return;
    }
    assertThat(normalize(step.operation(), actual.body()))
        .as("answer to " + context)
        .isEqualTo(normalize(step.operation(), expected.body()));
  }

  /**
   * Calls dynalite and, after a table operation it accepted, waits until the change has taken
   * effect. Even with {@code --createTableMs 0} dynalite finishes a create, update or delete on a
   * timer, so on a loaded machine the next request could still find the table CREATING (and get a
   * ResourceNotFoundException) — a race in the oracle, not a difference to compare.
   */
  private static WireClient.Response callOracle(Step step) {
    WireClient.Response answer = oracle.call(step.operation(), step.body());
    boolean tableChange =
        switch (step.operation()) {
          case "CreateTable", "UpdateTable", "DeleteTable" -> true;
          default -> false;
        };
    if (answer.status() == 200 && tableChange) {
      String describe;
      try {
        describe =
            WireClient.JSON
                .createObjectNode()
                .set("TableName", WireClient.JSON.readTree(step.body()).get("TableName"))
                .toString();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      boolean deleted = step.operation().equals("DeleteTable");
      Awaitility.await("dynalite settling " + step.operation() + " " + describe)
          .atMost(Duration.ofSeconds(10))
          .pollInterval(Duration.ofMillis(5))
          .until(() -> settled(oracle.call("DescribeTable", describe), deleted));
    }
    return answer;
  }

  private static boolean settled(WireClient.Response described, boolean deleted) {
    if (deleted) {
      return errorType(described.body()).equals("ResourceNotFoundException");
    }
    JsonNode table = described.body().path("Table");
    if (!table.path("TableStatus").asText().equals("ACTIVE")) {
      return false;
    }
    for (JsonNode index : table.path("GlobalSecondaryIndexes")) {
      if (!index.path("IndexStatus").asText().equals("ACTIVE")) {
        return false;
      }
    }
    return true;
  }

  /**
   * BatchGetItem answers in no particular order ("the order of the items in the response is not
   * guaranteed", API Reference), and dynalite's order varies run to run: compare as sets.
   */
  private static JsonNode normalize(String operation, JsonNode body) {
    JsonNode normal = normalize(body);
    if (operation.equals("BatchGetItem") && normal.get("Responses") instanceof ObjectNode tables) {
      List<String> names = new ArrayList<>();
      tables.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        List<JsonNode> items = new ArrayList<>();
        tables.get(name).forEach(items::add);
        items.sort(java.util.Comparator.comparing(DifferentialTest::canonical));
        ArrayNode sorted = tables.putArray(name);
        items.forEach(sorted::add);
      }
    }
    return normal;
  }

  private static void compareWithDocumented(Step step) {
    WireClient.Response oracleAnswer = callOracle(step);
    WireClient.Response actual = subject.call(step.operation(), step.body());
    String context = step.operation() + " " + step.body();
    if (step.expected().startsWith("error ")) {
      String type = step.expected().substring("error ".length());
      assertThat(errorType(actual.body())).as("error type of " + context).isEqualTo(type);
      assertThat(errorType(oracleAnswer.body()))
          .as("dynalite still departs from DynamoDB for " + context)
          .isNotEqualTo(type);
      return;
    }
    JsonNode expected;
    try {
      expected = WireClient.JSON.readTree(step.expected());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertThat(normalize(actual.body())).as("answer to " + context).isEqualTo(normalize(expected));
    assertThat(normalize(oracleAnswer.body()))
        .as("dynalite still departs from DynamoDB for " + context)
        .isNotEqualTo(normalize(expected));
  }

  /** JSON text with object members in name order, so equal items print alike. */
  private static String canonical(JsonNode node) {
    if (node instanceof ObjectNode object) {
      java.util.TreeMap<String, String> members = new java.util.TreeMap<>();
      object.fields().forEachRemaining(e -> members.put(e.getKey(), canonical(e.getValue())));
      return members.toString();
    }
    if (node instanceof ArrayNode array) {
      List<String> elements = new ArrayList<>();
      array.forEach(e -> elements.add(canonical(e)));
      return elements.toString();
    }
    return node.toString();
  }

  private static String errorType(JsonNode body) {
    String type = body.path("__type").asText();
    return type.substring(type.indexOf('#') + 1);
  }

  private static final List<String> VOLATILE =
      List.of(
          "ConsumedCapacity",
          "CreationDateTime",
          "TableId",
          "TableStatus",
          "IndexStatus",
          "LatestStreamArn",
          "LatestStreamLabel",
          "BillingModeSummary",
          "TableThroughputModeSummary",
          "TableSizeBytes",
          "IndexSizeBytes",
          "ItemCount",
          "ProvisionedThroughput",
          "IndexArn",
          "TableArn",
          "DeletionProtectionEnabled",
          "WarmThroughput");

  /** Drops what legitimately differs (timestamps, ids, capacity) and orders set members. */
  static JsonNode normalize(JsonNode node) {
    JsonNode copy = node.deepCopy();
    strip(copy);
    return copy;
  }

  private static void strip(JsonNode node) {
    if (node instanceof ObjectNode object) {
      VOLATILE.forEach(object::remove);
      Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
      List<String> sets = new ArrayList<>();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        String name = field.getKey();
        if ((name.equals("SS") || name.equals("NS") || name.equals("BS"))
            && field.getValue().isArray()) {
          sets.add(name);
        } else {
          strip(field.getValue());
        }
      }
      for (String name : sets) {
        List<String> members = new ArrayList<>();
        object.get(name).forEach(m -> members.add(m.asText()));
        members.sort(
            name.equals("NS")
                ? (a, b) -> new java.math.BigDecimal(a).compareTo(new java.math.BigDecimal(b))
                : String::compareTo);
        ArrayNode sorted = object.putArray(name);
        members.forEach(sorted::add);
      }
    } else if (node instanceof ArrayNode array) {
      array.forEach(DifferentialTest::strip);
    }
  }
}
