package dev.orderly.lambda.log;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;

/**
 * Logging and metrics for one invocation. Fields are written as given (strings, numbers, booleans);
 * an error line carries the exception's type and message for operators, never for clients.
 */
public final class Invocation {
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

  /** One metric in Embedded Metric Format, namespace Orderly, dimensioned by service. */
  public void metric(String name, double value, String unit) {
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
    fields.forEach((key, value) -> line.putPOJO(key, value));
    if (failure != null) {
      line.put("errorType", failure.getClass().getName());
      line.put("errorMessage", String.valueOf(failure.getMessage()));
    }
    print(line);
  }

  private void print(ObjectNode line) {
    synchronized (out) {
      out.println(line);
    }
  }
}
