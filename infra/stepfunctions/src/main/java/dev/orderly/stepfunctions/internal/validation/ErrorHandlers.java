package dev.orderly.stepfunctions.internal.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Retry and Catch. Beyond asl-validator's schema (arrays of objects with ErrorEquals, a catcher's
 * Next, non-negative numbers): BackoffRate at least 1, IntervalSeconds and MaxDelaySeconds at least
 * 1, JitterStrategy FULL or NONE, ErrorEquals not empty, {@code States.ALL} alone and in the last
 * retrier or catcher, and a catcher's ResultPath a valid reference path.
 */
final class ErrorHandlers {
  private ErrorHandlers() {}

  static void retriers(Reporter r, JsonNode retry) {
    if (!isArray(r, "Retry", retry)) {
      return;
    }
    for (int i = 0; i < retry.size(); i++) {
      Reporter at = r.in("Retry[" + i + "]");
      JsonNode retrier = retry.get(i);
      if (!retrier.isObject()) {
        at.subject("must be an object");
        continue;
      }
      errorEquals(at, retrier, i == retry.size() - 1, "retrier");
      atLeast(at, retrier, "IntervalSeconds", 1, "must be at least 1");
      atLeast(at, retrier, "MaxAttempts", 0, "must not be negative");
      atLeast(
          at,
          retrier,
          "BackoffRate",
          1,
          "must be at least 1.0, was " + retrier.path("BackoffRate").asText());
      atLeast(at, retrier, "MaxDelaySeconds", 1, "must be at least 1");
      JsonNode jitter = retrier.get("JitterStrategy");
      if (jitter != null && !Set.of("FULL", "NONE").contains(jitter.asText())) {
        at.report("JitterStrategy", "must be FULL or NONE, was " + FieldKind.shown(jitter));
      }
    }
  }

  static void catchers(Reporter r, JsonNode catchers, Predicate<String> isState) {
    if (!isArray(r, "Catch", catchers)) {
      return;
    }
    for (int i = 0; i < catchers.size(); i++) {
      Reporter at = r.in("Catch[" + i + "]");
      JsonNode catcher = catchers.get(i);
      if (!catcher.isObject()) {
        at.subject("must be an object");
        continue;
      }
      errorEquals(at, catcher, i == catchers.size() - 1, "catcher");
      JsonNode next = catcher.get("Next");
      if (next == null) {
        at.report("Next", "is required");
      } else if (!next.isTextual()) {
        at.report("Next", "must be a string");
      } else if (!isState.test(next.textValue())) {
        at.report("Next", "names no state: " + next.textValue());
      }
      if (catcher.has("ResultPath")) {
        FieldKind.RESULT_PATH.check(at, "ResultPath", catcher.get("ResultPath"));
      }
      if (catcher.has("Assign")) {
        FieldKind.PAYLOAD_TEMPLATE.check(at, "Assign", catcher.get("Assign"));
      }
    }
  }

  private static boolean isArray(Reporter r, String field, JsonNode value) {
    if (value != null && !value.isArray()) {
      r.report(field, "must be an array");
    }
    return value != null && value.isArray();
  }

  private static void atLeast(
      Reporter r, JsonNode handler, String field, double minimum, String message) {
    JsonNode value = handler.get(field);
    if (value == null) {
      return;
    }
    if (!value.isNumber()) {
      r.report(field, "must be a number");
    } else if (value.doubleValue() < minimum) {
      r.report(field, message);
    }
  }

  private static void errorEquals(Reporter r, JsonNode handler, boolean last, String kind) {
    JsonNode errors = handler.get("ErrorEquals");
    if (errors == null || !errors.isArray() || errors.isEmpty()) {
      r.report("ErrorEquals", "must be a non-empty array");
      return;
    }
    for (int i = 0; i < errors.size(); i++) {
      JsonNode error = errors.get(i);
      if (!error.isTextual()) {
        r.report("ErrorEquals[" + i + "]", "must be a string");
      } else if (error.textValue().equals("States.ALL") && (errors.size() > 1 || !last)) {
        r.report("ErrorEquals", "States.ALL must appear alone and in the last " + kind);
      }
    }
  }
}
