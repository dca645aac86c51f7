package dev.orderly.contracts.saga;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderly.contracts.Repository;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code statemachines/order-saga.asl.json} rendered as CloudFormation renders it: each {@code
 * ${Name}} replaced by its DefinitionSubstitutions value. Rendering is strict — a placeholder
 * without a value, or a value without a placeholder, is a mistake in the template or the
 * definition, never something to pass over.
 */
final class SagaDefinition {
  static final Path FILE = Repository.path("statemachines/order-saga.asl.json");

  /** The saga's Lambda steps, forward steps first, each named as its Task state. */
  static final List<String> FORWARD_STEPS =
      List.of("ReserveStock", "ChargePayment", "ConfirmOrder");

  static final List<String> COMPENSATIONS = List.of("RefundPayment", "ReleaseStock", "CancelOrder");

  static final String DLQ_URL =
      "https://sqs.us-east-1.amazonaws.com/123456789012/orderly-test-compensation-dlq";

  /** What the tests substitute: a function ARN per step and the compensation DLQ's URL. */
  static final Map<String, String> TEST_SUBSTITUTIONS = testSubstitutions();

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_]+)}");

  private SagaDefinition() {}

  private static Map<String, String> testSubstitutions() {
    Map<String, String> values = new LinkedHashMap<>();
    for (String step : steps()) {
      values.put(step + "FunctionArn", functionArn(step));
    }
    values.put("CompensationDlqUrl", DLQ_URL);
    return Collections.unmodifiableMap(values);
  }

  /** The compensations, for parameterized tests. */
  static List<String> compensationList() {
    return COMPENSATIONS;
  }

  static List<String> steps() {
    return List.of(
        "ReserveStock",
        "ChargePayment",
        "ConfirmOrder",
        "RefundPayment",
        "ReleaseStock",
        "CancelOrder");
  }

  static String functionArn(String step) {
    return "arn:aws:lambda:us-east-1:123456789012:function:orderly-test-" + step;
  }

  static String source() {
    return Repository.text(FILE);
  }

  static JsonNode rendered() {
    return Repository.json(render(source(), TEST_SUBSTITUTIONS));
  }

  static Set<String> placeholders(String text) {
    Set<String> names = new LinkedHashSet<>();
    Matcher matcher = PLACEHOLDER.matcher(text);
    while (matcher.find()) {
      names.add(matcher.group(1));
    }
    return names;
  }

  static String render(String text, Map<String, String> substitutions) {
    Set<String> unused = new LinkedHashSet<>(substitutions.keySet());
    Matcher matcher = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String name = matcher.group(1);
      String value = substitutions.get(name);
      if (value == null) {
        throw new IllegalArgumentException("no substitution for ${" + name + "}");
      }
      unused.remove(name);
      matcher.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    matcher.appendTail(out);
    if (!unused.isEmpty()) {
      throw new IllegalArgumentException("substitutions without a placeholder: " + unused);
    }
    return out.toString();
  }
}
