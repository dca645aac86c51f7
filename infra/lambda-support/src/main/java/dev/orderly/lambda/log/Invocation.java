package dev.orderly.lambda.log;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Clock;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Logging and metrics for one invocation. Fields are written as given (strings, numbers, booleans;
 * any other value as its text); an error line carries the exception's type, message and stack for
 * operators, never for clients.
 */
public final class Invocation {
  /** The units CloudWatch accepts for a metric. */
  private static final Set<String> UNITS =
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

  /** Members every metric line has; a metric of the same name would be overwritten by them. */
  private static final Set<String> METRIC_LINE_MEMBERS =
      Set.of("_aws", "service", "function", "requestId", "correlationId");

  private final String service;
  private final String function;
  private final String requestId;
  private final boolean coldStart;
  private final String correlationId;
  private final Clock clock;
  private final PrintStream out;

  Invocation(
      String service,
      String function,
      String requestId,
      boolean coldStart,
      String correlationId,
      Clock clock,
      PrintStream out) {
    this.service = service;
    this.function = function;
    this.requestId = requestId;
    this.coldStart = coldStart;
    this.correlationId = correlationId;
    this.clock = clock;
    this.out = out;
  }

  public String correlationId() {
    return correlationId;
  }

  public boolean coldStart() {
    return coldStart;
  }

  public void info(String message, Map<String, ?> fields) {
    write("INFO", message, fields, null);
  }

  public void warn(String message, Map<String, ?> fields) {
    write("WARN", message, fields, null);
  }

  public void error(String message, Throwable failure, Map<String, ?> fields) {
    write("ERROR", message, fields, failure);
  }

  /**
   * One metric in Embedded Metric Format, namespace Orderly, dimensioned by service. A name that is
   * blank, longer than 255 characters or one of the line's own members, a unit CloudWatch does not
   * know, or a value that is not a finite number would make CloudWatch drop the whole document
   * silently: each is refused here instead.
   */
  public void metric(String name, double value, String unit) {
    if (name == null || name.isBlank() || name.length() > 255) {
      throw new IllegalArgumentException(
          "a metric name must be 1 to 255 characters: '" + name + "'");
    }
    if (METRIC_LINE_MEMBERS.contains(name)) {
      throw new IllegalArgumentException(
          "metric name " + name + " is a member of every metric line");
    }
    if (!UNITS.contains(unit)) {
      throw new IllegalArgumentException("'" + unit + "' is not a CloudWatch unit");
    }
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(
          "metric " + name + " must be a finite number, was " + value);
    }
    ObjectNode line = JsonNodeFactory.instance.objectNode();
    ObjectNode aws = line.putObject("_aws");
    aws.put("Timestamp", clock.millis());
    ObjectNode directive = aws.putArray("CloudWatchMetrics").addObject();
    directive.put("Namespace", "Orderly");
    directive.putArray("Dimensions").addArray().add("service");
    directive.putArray("Metrics").addObject().put("Name", name).put("Unit", unit);
    line.put("service", service);
    line.put(name, value);
    line.put("function", function);
    line.put("requestId", requestId);
    line.put("correlationId", correlationId);
    print(line);
  }

  private void write(String level, String message, Map<String, ?> fields, Throwable failure) {
    ObjectNode line = JsonNodeFactory.instance.objectNode();
    line.put("timestamp", clock.instant().toString());
    line.put("level", level);
    line.put("message", message);
    line.put("service", service);
    line.put("function", function);
    line.put("requestId", requestId);
    line.put("coldStart", coldStart);
    line.put("correlationId", correlationId);
    fields.forEach((key, value) -> line.set(key, value(value)));
    if (failure != null) {
      line.put("errorType", failure.getClass().getName());
      line.put("errorMessage", String.valueOf(failure.getMessage()));
      line.set("stackTrace", stackTrace(failure));
    }
    print(line);
  }

  /**
   * Strings, numbers and booleans as themselves; anything else as its text. (Jackson would
   * serialise other values by introspection, and a type it cannot handle, an {@code Instant} say,
   * turns the whole line into an error string.)
   */
  private static JsonNode value(Object value) {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    if (value == null) {
      return nodes.nullNode();
    } else if (value instanceof JsonNode node) {
      return node;
    } else if (value instanceof Boolean bool) {
      return nodes.booleanNode(bool);
    } else if (value instanceof Integer
        || value instanceof Long
        || value instanceof Short
        || value instanceof Byte) {
      return nodes.numberNode(((Number) value).longValue());
    } else if (value instanceof Double || value instanceof Float) {
      double number = ((Number) value).doubleValue();
      return Double.isFinite(number) ? nodes.numberNode(number) : nodes.textNode(value.toString());
    } else if (value instanceof BigDecimal decimal) {
      return nodes.numberNode(decimal);
    } else if (value instanceof BigInteger integer) {
      return nodes.numberNode(integer);
    }
    return nodes.textNode(String.valueOf(value));
  }

  /** The failure's frames and its causes', as Java prints them, one element per line. */
  private static ArrayNode stackTrace(Throwable failure) {
    ArrayNode lines = JsonNodeFactory.instance.arrayNode();
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
      if (t != failure) {
        lines.add("Caused by: " + t);
      }
      for (StackTraceElement frame : t.getStackTrace()) {
        lines.add("at " + frame);
      }
    }
    return lines;
  }

  private void print(ObjectNode line) {
    synchronized (out) {
      out.println(line);
    }
  }
}
