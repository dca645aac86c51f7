package dev.orderly.lambda.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.orderly.lambda.local.LocalContext;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class InvocationTest {
  private static final Instant NOW = Instant.parse("2026-05-01T10:00:00.123Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  /** The units CloudWatch accepts (MetricDatum.Unit). */
  private static final Set<String> CLOUDWATCH_UNITS =
      Set.of(
          "Seconds",
          "Microseconds",
          "Milliseconds",
          "Bytes",
          "Kilobytes",
          "Megabytes",
          "Gigabytes",
          "Terabytes",
          "Bits",
          "Kilobits",
          "Megabits",
          "Gigabits",
          "Terabits",
          "Percent",
          "Count",
          "Bytes/Second",
          "Kilobytes/Second",
          "Megabytes/Second",
          "Gigabytes/Second",
          "Terabytes/Second",
          "Bits/Second",
          "Kilobits/Second",
          "Megabits/Second",
          "Gigabits/Second",
          "Terabits/Second",
          "Count/Second",
          "None");

  private final CapturedOutput out = new CapturedOutput();
  private final StructuredLog log = new StructuredLog("orders", CLOCK, out.stream());

  private Invocation invocation() {
    return log.begin(LocalContext.of("orders-create", "r-1"), "c-1");
  }

  // ---- log lines

  static Stream<Arguments> levels() {
    BiConsumer<Invocation, Map<String, ?>> info = (i, f) -> i.info("hello", f);
    BiConsumer<Invocation, Map<String, ?>> warn = (i, f) -> i.warn("hello", f);
    BiConsumer<Invocation, Map<String, ?>> error =
        (i, f) -> i.error("hello", new IllegalStateException("boom"), f);
    return Stream.of(
        Arguments.of(Named.of("info", info), "INFO"),
        Arguments.of(Named.of("warn", warn), "WARN"),
        Arguments.of(Named.of("error", error), "ERROR"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("levels")
  void lines_carryEveryCommonField(BiConsumer<Invocation, Map<String, ?>> write, String level) {
    // given
    Invocation invocation = invocation();

    // when
    write.accept(invocation, Map.of("orderId", "o-1"));

    // then
    JsonNode line = out.only();
    assertThat(line.get("timestamp").asText()).isEqualTo("2026-05-01T10:00:00.123Z");
    assertThat(line.get("level").asText()).isEqualTo(level);
    assertThat(line.get("message").asText()).isEqualTo("hello");
    assertThat(line.get("service").asText()).isEqualTo("orders");
    assertThat(line.get("function").asText()).isEqualTo("orders-create");
    assertThat(line.get("requestId").asText()).isEqualTo("r-1");
    assertThat(line.get("coldStart").isBoolean()).isTrue();
    assertThat(line.get("coldStart").booleanValue()).isTrue();
    assertThat(line.get("correlationId").asText()).isEqualTo("c-1");
    assertThat(line.get("orderId").asText()).isEqualTo("o-1");
  }

  @Test
  void lines_afterTheFirstInvocationAreWarm() {
    // given
    invocation();
    Invocation warm = invocation();

    // when
    warm.info("hello", Map.of());

    // then
    assertThat(out.only().get("coldStart").booleanValue()).isFalse();
  }

  @Test
  void info_writesFieldsWithTheirJsonTypes() {
    // given
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("text", "a");
    fields.put("count", 3);
    fields.put("big", 12_345_678_901L);
    fields.put("ratio", 0.5);
    fields.put("flag", true);
    fields.put("nothing", null);

    // when
    invocation().info("typed", fields);

    // then
    JsonNode line = out.only();
    assertThat(line.get("text").isTextual()).isTrue();
    assertThat(line.get("count").isInt()).isTrue();
    assertThat(line.get("count").intValue()).isEqualTo(3);
    assertThat(line.get("big").longValue()).isEqualTo(12_345_678_901L);
    assertThat(line.get("ratio").doubleValue()).isEqualTo(0.5);
    assertThat(line.get("flag").booleanValue()).isTrue();
    assertThat(line.get("nothing").isNull()).isTrue();
  }

  @Test
  void info_writesOtherValuesAsTheirTextRatherThanFailing() {
    // given
    UUID id = UUID.fromString("00000000-0000-0000-0000-000000000001");
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("at", NOW);
    fields.put("id", id);
    fields.put("unit", java.util.concurrent.TimeUnit.SECONDS);
    fields.put("nested", JsonNodeFactory.instance.objectNode().put("a", 1));
    fields.put("infinite", Double.POSITIVE_INFINITY);

    // when
    invocation().info("values", fields);

    // then
    JsonNode line = out.only();
    assertThat(line.get("nested").get("a").intValue()).isEqualTo(1);
    assertThat(line.get("infinite").asText()).isEqualTo("Infinity");
    assertThat(line.get("at").asText()).isEqualTo("2026-05-01T10:00:00.123Z");
    assertThat(line.get("id").asText()).isEqualTo(id.toString());
    assertThat(line.get("unit").asText()).isEqualTo("SECONDS");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {"two\nlines", "quote \" and \\ backslash", "tab\there", "\u2028sep"})
  void info_keepsOneJsonObjectPerLineWhateverTheMessage(String message) {
    // given
    Invocation invocation = invocation();

    // when
    invocation.info(message, Map.of("field", message));

    // then
    assertThat(out.lines()).hasSize(1);
    assertThat(out.only().get("message").asText()).isEqualTo(message);
    assertThat(out.only().get("field").asText()).isEqualTo(message);
  }

  @Test
  void error_carriesTheExceptionTypeMessageAndStackForOperators() {
    // given
    RuntimeException failure =
        new IllegalStateException("table orders-prod is missing", new java.io.IOException("io"));

    // when
    invocation().error("request failed", failure, Map.of("route", "POST /orders"));

    // then
    JsonNode line = out.only();
    assertThat(line.get("errorType").asText()).isEqualTo("java.lang.IllegalStateException");
    assertThat(line.get("errorMessage").asText()).isEqualTo("table orders-prod is missing");
    assertThat(line.get("route").asText()).isEqualTo("POST /orders");
    List<String> stack = new ArrayList<>();
    line.get("stackTrace").forEach(frame -> stack.add(frame.asText()));
    assertThat(stack)
        .anySatisfy(
            frame ->
                assertThat(frame)
                    .contains(
                        "InvocationTest.error_carriesTheExceptionTypeMessageAndStackForOperators"))
        .contains("Caused by: java.io.IOException: io");
  }

  @Test
  void error_withoutMessageSaysNull() {
    // given
    RuntimeException failure = new NullPointerException();

    // when
    invocation().error("request failed", failure, Map.of());

    // then
    assertThat(out.only().get("errorMessage").asText()).isEqualTo("null");
  }

  @Test
  void infoAndWarn_carryNoErrorFields() {
    // given
    Invocation invocation = invocation();

    // when
    invocation.info("a", Map.of());
    invocation.warn("b", Map.of());

    // then
    assertThat(out.json())
        .hasSize(2)
        .allSatisfy(
            line -> {
              assertThat(line.has("errorType")).isFalse();
              assertThat(line.has("errorMessage")).isFalse();
              assertThat(line.has("stackTrace")).isFalse();
            });
  }

  // ---- metrics (CloudWatch Embedded Metric Format)

  /** What the EMF specification requires of a document; empty when it is valid. */
  static List<String> emfViolations(JsonNode root) {
    List<String> problems = new ArrayList<>();
    JsonNode aws = root.get("_aws");
    if (aws == null || !aws.isObject()) {
      return List.of("_aws must be an object");
    }
    if (!aws.path("Timestamp").isIntegralNumber()) {
      problems.add("_aws.Timestamp must be an integer number of milliseconds");
    }
    JsonNode directives = aws.get("CloudWatchMetrics");
    if (directives == null || !directives.isArray()) {
      problems.add("_aws.CloudWatchMetrics must be an array");
      return problems;
    }
    for (JsonNode directive : directives) {
      String namespace = directive.path("Namespace").asText("");
      if (!directive.path("Namespace").isTextual()
          || namespace.isEmpty()
          || namespace.length() > 255) {
        problems.add("Namespace must be a string of 1 to 255 characters");
      }
      JsonNode dimensionSets = directive.get("Dimensions");
      if (dimensionSets == null || !dimensionSets.isArray()) {
        problems.add("Dimensions must be an array");
      } else {
        for (JsonNode set : dimensionSets) {
          if (!set.isArray() || set.size() > 30) {
            problems.add("a dimension set must be an array of at most 30 names");
            continue;
          }
          for (JsonNode dimension : set) {
            if (!dimension.isTextual() || !root.path(dimension.asText()).isTextual()) {
              problems.add("dimension " + dimension + " must name a string member of the root");
            }
          }
        }
      }
      JsonNode metrics = directive.get("Metrics");
      if (metrics == null || !metrics.isArray() || metrics.isEmpty()) {
        problems.add("Metrics must be a non-empty array");
        continue;
      }
      for (JsonNode metric : metrics) {
        String name = metric.path("Name").asText("");
        if (!metric.path("Name").isTextual() || name.isEmpty() || name.length() > 255) {
          problems.add("a metric Name must be a string of 1 to 255 characters");
        }
        if (metric.has("Unit") && !CLOUDWATCH_UNITS.contains(metric.get("Unit").asText())) {
          problems.add("Unit " + metric.get("Unit") + " is not a CloudWatch unit");
        }
        if (!root.path(name).isNumber()) {
          problems.add("metric " + name + " must be a number member of the root");
        }
      }
    }
    return problems;
  }

  @ParameterizedTest(name = "[{index}] {0} = {1} {2}")
  @CsvSource({
    "OrderCreated, 1, Count",
    "Latency, 12.5, Milliseconds",
    "PayloadSize, 2048, Bytes",
    "Ratio, 0, Percent",
    "Throughput, 3.25, Count/Second",
    "Dimensionless, -1, None"
  })
  void metric_writesAValidEmfDocument(String name, double value, String unit) {
    // given
    Invocation invocation = invocation();

    // when
    invocation.metric(name, value, unit);

    // then
    JsonNode line = out.only();
    assertThat(emfViolations(line)).isEmpty();
    JsonNode directive = line.get("_aws").get("CloudWatchMetrics").get(0);
    assertThat(line.get("_aws").get("Timestamp").longValue()).isEqualTo(NOW.toEpochMilli());
    assertThat(line.get("_aws").get("CloudWatchMetrics")).hasSize(1);
    assertThat(directive.get("Namespace").asText()).isEqualTo("Orderly");
    assertThat(directive.get("Dimensions").toString()).isEqualTo("[[\"service\"]]");
    assertThat(directive.get("Metrics").toString())
        .isEqualTo("[{\"Name\":\"" + name + "\",\"Unit\":\"" + unit + "\"}]");
    assertThat(line.get(name).doubleValue()).isEqualTo(value);
    assertThat(line.get("service").asText()).isEqualTo("orders");
    assertThat(line.get("function").asText()).isEqualTo("orders-create");
    assertThat(line.get("requestId").asText()).isEqualTo("r-1");
    assertThat(line.get("correlationId").asText()).isEqualTo("c-1");
  }

  @Test
  void emfViolations_findsWhatTheSpecificationForbids() {
    // given: the checker itself must be able to fail
    JsonNode broken =
        CapturedOutput.parse(
            "{\"_aws\":{\"Timestamp\":\"now\",\"CloudWatchMetrics\":[{\"Namespace\":\"\","
                + "\"Dimensions\":[[\"service\"]],\"Metrics\":[{\"Name\":\"M\",\"Unit\":\"Millis\"}]}]},"
                + "\"service\":1,\"M\":\"x\"}");

    // when
    List<String> problems = emfViolations(broken);

    // then
    assertThat(problems).hasSize(5);
  }

  @ParameterizedTest(name = "[{index}] ''{0}''")
  @ValueSource(strings = {"service", "function", "requestId", "correlationId", "_aws", "", " "})
  void metric_refusesANameThatIsNotAMetricMember(String name) {
    // given
    Invocation invocation = invocation();

    // when / then
    assertThatThrownBy(() -> invocation.metric(name, 1, "Count"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(out.text()).isEmpty();
  }

  @ParameterizedTest(name = "[{index}] ''{0}''")
  @ValueSource(strings = {"Millisecond", "count", "ms", ""})
  void metric_refusesAUnitCloudWatchDoesNotKnow(String unit) {
    // given
    Invocation invocation = invocation();

    // when / then
    assertThatThrownBy(() -> invocation.metric("Latency", 1, unit))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(unit);
    assertThat(out.text()).isEmpty();
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
  void metric_refusesAValueThatIsNotANumber(double value) {
    // given
    Invocation invocation = invocation();

    // when / then
    assertThatThrownBy(() -> invocation.metric("Latency", value, "Milliseconds"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(out.text()).isEmpty();
  }
}
