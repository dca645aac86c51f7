package dev.orderly.stepfunctions.internal.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * What the value of a field must be — asl-validator's schema types, each with one short message.
 * Stricter than asl-validator where AWS is too: a reference path is never null, a Resource is an
 * ARN (not a <code>${placeholder}</code> or an object), a Timestamp is one AWS can read, and
 * ErrorPath and CausePath hold a path or an intrinsic function.
 */
enum FieldKind {
  ANY,
  /** Checked by the caller: Type, StartAt, States, Retry, Catch, Choices, Branches, ... */
  NESTED,
  STRING,
  OBJECT,
  TRUE,
  PATH,
  RESULT_PATH,
  REFERENCE_PATH,
  PAYLOAD_TEMPLATE,
  RESOURCE,
  TIMESTAMP,
  FAIL_PATH,
  INTEGER_FROM_1,
  INTEGER_FROM_0,
  NUMBER_FROM_0,
  PERCENTAGE,
  BATCH_BYTES,
  QUERY_LANGUAGE;

  /** asl-validator's ARN format (checks/formats.ts). */
  private static final Pattern ARN =
      Pattern.compile(
          "arn:(aws|aws-cn|aws-us-gov):[^:\n]+:[^:\n]*:\\d*:[^:/*]+([:/].*[^:/]+)?",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /** ajv-formats' date-time, before the date and time themselves are read. */
  private static final Pattern DATE_TIME =
      Pattern.compile(
          "\\d{4}-\\d\\d-\\d\\d[Tt]\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?([Zz]|[+-]\\d\\d:?\\d\\d)");

  void check(Reporter r, String field, JsonNode value) {
    switch (this) {
      case STRING:
        expect(r, field, value.isTextual(), "must be a string");
        break;
      case OBJECT:
        expect(r, field, value.isObject(), "must be an object");
        break;
      case TRUE:
        expect(r, field, value.isBoolean() && value.booleanValue(), "must be true when present");
        break;
      case PATH:
        path(r, field, value, PathSyntax.Use.PATH, true);
        break;
      case RESULT_PATH:
        path(r, field, value, PathSyntax.Use.RESULT_PATH, true);
        break;
      case REFERENCE_PATH:
        path(r, field, value, PathSyntax.Use.REFERENCE_PATH, false);
        break;
      case PAYLOAD_TEMPLATE:
        PayloadTemplates.check(r, field, value);
        break;
      case RESOURCE:
        expect(
            r,
            field,
            value.isTextual() && ARN.matcher(value.textValue()).matches(),
            "must be an ARN, was " + shown(value));
        break;
      case TIMESTAMP:
        expect(
            r,
            field,
            value.isTextual() && isTimestamp(value.textValue()),
            "must be an RFC 3339 timestamp such as 2016-03-14T01:59:00Z, was " + shown(value));
        break;
      case FAIL_PATH:
        failPath(r, field, value);
        break;
      case INTEGER_FROM_1:
        expect(r, field, isInteger(value) && value.doubleValue() >= 1, "must be an integer >= 1");
        break;
      case INTEGER_FROM_0:
        expect(r, field, isInteger(value) && value.doubleValue() >= 0, "must be an integer >= 0");
        break;
      case NUMBER_FROM_0:
        expect(r, field, value.isNumber() && value.doubleValue() >= 0, "must be a number >= 0");
        break;
      case PERCENTAGE:
        expect(
            r,
            field,
            value.isNumber() && value.doubleValue() >= 0 && value.doubleValue() <= 100,
            "must be a number from 0 to 100");
        break;
      case BATCH_BYTES:
        expect(
            r,
            field,
            isInteger(value) && value.doubleValue() >= 0 && value.doubleValue() <= 262144,
            "must be an integer from 0 to 262144");
        break;
      case QUERY_LANGUAGE:
        if (value.isTextual() && value.textValue().equals("JSONata")) {
          r.report(field, "JSONata is not supported, only JSONPath");
        } else {
          expect(
              r,
              field,
              value.isTextual() && value.textValue().equals("JSONPath"),
              "must be JSONPath");
        }
        break;
      default:
        break;
    }
  }

  /** A JSON integer as JavaScript sees it: 5 and 5.0 alike. */
  static boolean isInteger(JsonNode value) {
    return value.isIntegralNumber()
        || (value.isNumber()
            && Double.isFinite(value.doubleValue())
            && value.doubleValue() == Math.rint(value.doubleValue()));
  }

  /** A value as a message shows it: text as it is, anything else as JSON. */
  static String shown(JsonNode value) {
    return value.isTextual() ? value.textValue() : value.toString();
  }

  private static void expect(Reporter r, String field, boolean ok, String message) {
    if (!ok) {
      r.report(field, message);
    }
  }

  private static void path(
      Reporter r, String field, JsonNode value, PathSyntax.Use use, boolean nullable) {
    if (value.isNull() && nullable) {
      return;
    }
    if (!value.isTextual()) {
      r.report(field, nullable ? "must be a string or null" : "must be a string");
      return;
    }
    String problem = PathSyntax.problem(value.textValue(), use);
    if (problem != null) {
      r.report(field, problem);
    }
  }

  /** ErrorPath and CausePath: a reference path, or an intrinsic function giving the text. */
  private static void failPath(Reporter r, String field, JsonNode value) {
    if (!value.isTextual()) {
      r.report(field, "must be a string");
      return;
    }
    String text = value.textValue();
    boolean function = text.startsWith("States.");
    String problem =
        PathSyntax.problem(
            text, function ? PathSyntax.Use.PAYLOAD_TEMPLATE : PathSyntax.Use.REFERENCE_PATH);
    if (problem != null) {
      r.report(field, problem);
    }
  }

  private static boolean isTimestamp(String text) {
    if (!DATE_TIME.matcher(text).matches()) {
      return false;
    }
    try {
      OffsetDateTime.parse(text);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }
}
