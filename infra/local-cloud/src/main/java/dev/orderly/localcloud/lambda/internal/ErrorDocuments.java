package dev.orderly.localcloud.lambda.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderly.stepfunctions.LambdaFunctionException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Set;

/**
 * The error documents a caller of Lambda receives, in the shapes the Lambda Java runtime and the
 * Lambda service write them (aws-lambda-java-runtime-interface-client, {@code Failure}):
 *
 * <ul>
 *   <li>an uncaught throwable: {@code errorMessage}, {@code errorType} (the class's binary name),
 *       {@code stackTrace} (the frames above the runtime's own) and {@code cause}, recursively,
 *       when there is one;
 *   <li>an init failure (the handler's constructor or class initialiser threw): {@code
 *       errorMessage} and {@code errorType} only, the runtime reports no stack trace for those;
 *   <li>a timeout, written by the service: {@code errorType} {@code Sandbox.Timedout} and {@code
 *       "RequestId: <id> Error: Task timed out after N.NN seconds"}.
 * </ul>
 *
 * <p>And one of the local cloud's own: an invocation failed by fault injection ({@link
 * #INJECTED_ERROR}).
 */
public final class ErrorDocuments {
  /** Frames from here down are the runtime's, cut as the Java runtime cuts its own. */
  private static final String RUNTIME_PACKAGE = ErrorDocuments.class.getPackageName();

  private static final ObjectMapper JSON = new ObjectMapper();

  private ErrorDocuments() {}

  public static byte[] unhandled(Throwable thrown) {
    return bytes(failure(thrown, Collections.newSetFromMap(new IdentityHashMap<>())));
  }

  public static byte[] initError(String errorMessage, String errorType) {
    ObjectNode doc = JSON.createObjectNode();
    doc.put("errorMessage", errorMessage);
    doc.put("errorType", errorType);
    return bytes(doc);
  }

  /** The error type of an invocation failed by fault injection. */
  public static final String INJECTED_ERROR = "LocalCloud.InjectedError";

  /**
   * An invocation failed on purpose, before its handler ran (as AWS FIS's {@code
   * aws:lambda:invocation-error} action does with {@code preventExecution}).
   */
  public static byte[] injected(String function) {
    ObjectNode doc = JSON.createObjectNode();
    doc.put(
        "errorMessage", "Invocation of " + function + " failed by fault injection; nothing ran.");
    doc.put("errorType", INJECTED_ERROR);
    return bytes(doc);
  }

  public static byte[] timedOut(String requestId, Duration timeout) {
    ObjectNode doc = JSON.createObjectNode();
    doc.put("errorMessage", "RequestId: " + requestId + " Error: " + timeoutMessage(timeout));
    doc.put("errorType", "Sandbox.Timedout");
    return bytes(doc);
  }

  public static String timeoutMessage(Duration timeout) {
    return String.format(
        Locale.ROOT, "Task timed out after %.2f seconds", timeout.toMillis() / 1000.0);
  }

  private static ObjectNode failure(Throwable thrown, Set<Throwable> seen) {
    seen.add(thrown);
    LambdaFunctionException error = LambdaFunctionException.of(thrown);
    ObjectNode doc = JSON.createObjectNode();
    doc.put("errorMessage", error.errorMessage());
    doc.put("errorType", error.errorType());
    ArrayNode trace = doc.putArray("stackTrace");
    for (StackTraceElement frame : thrown.getStackTrace()) {
      if (frame.getClassName().startsWith(RUNTIME_PACKAGE)) {
        break;
      }
      trace.add(frame.toString());
    }
    Throwable cause = thrown.getCause();
    if (cause != null && !seen.contains(cause)) {
      doc.set("cause", failure(cause, seen));
    }
    return doc;
  }

  private static byte[] bytes(ObjectNode doc) {
    return doc.toString().getBytes(StandardCharsets.UTF_8);
  }
}
