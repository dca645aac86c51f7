package dev.orderly.stepfunctions.internal.validation;

import static dev.orderly.stepfunctions.internal.validation.FieldKind.ANY;
import static dev.orderly.stepfunctions.internal.validation.FieldKind.BATCH_BYTES;
import static dev.orderly.stepfunctions.internal.validation.FieldKind.FAIL_PATH;
import static dev.orderly.stepfunctions.internal.validation.FieldKind.INTEGER_FROM_0;
import static dev.orderly.stepfunctions.internal.validation.FieldKind.INTEGER_FROM_1;
import static dev.orderly.stepfunctions.internal.validation.FieldKind.NESTED;
import static dev.orderly.stepfunctions.internal.validation.FieldKind.NUMBER_FROM_0;
import static dev.orderly.stepfunctions.internal.validation.FieldKind.OBJECT;
import static dev.orderly.stepfunctions.internal.validation.FieldKind.PATH;
import static dev.orderly.stepfunctions.internal.validation.FieldKind.PAYLOAD_TEMPLATE;
import static dev.orderly.stepfunctions.internal.validation.FieldKind.PERCENTAGE;
import static dev.orderly.stepfunctions.internal.validation.FieldKind.QUERY_LANGUAGE;
import static dev.orderly.stepfunctions.internal.validation.FieldKind.REFERENCE_PATH;
import static dev.orderly.stepfunctions.internal.validation.FieldKind.RESOURCE;
import static dev.orderly.stepfunctions.internal.validation.FieldKind.RESULT_PATH;
import static dev.orderly.stepfunctions.internal.validation.FieldKind.STRING;
import static dev.orderly.stepfunctions.internal.validation.FieldKind.TIMESTAMP;
import static dev.orderly.stepfunctions.internal.validation.FieldKind.TRUE;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Set;

/**
 * The fields each JSONPath state type allows, their kinds and the groups among them, after
 * asl-validator's per-type schemas and its checks on field groups. One difference: a Choice state
 * may not have End (asl-validator allows it; the States Language and AWS do not).
 */
final class StateFields {
  private static final Map<String, FieldKind> BASE =
      Fields.of("Type", NESTED, "Comment", STRING, "QueryLanguage", QUERY_LANGUAGE);
  private static final Map<String, FieldKind> IO = Fields.of("InputPath", PATH, "OutputPath", PATH);
  private static final Map<String, FieldKind> FLOW =
      Fields.of("Next", STRING, "End", TRUE, "Assign", PAYLOAD_TEMPLATE);
  private static final Map<String, FieldKind> RESULT =
      Fields.of("ResultPath", RESULT_PATH, "Parameters", PAYLOAD_TEMPLATE);
  private static final Map<String, FieldKind> SELECTOR_AND_ERRORS =
      Fields.of("ResultSelector", PAYLOAD_TEMPLATE, "Retry", NESTED, "Catch", NESTED);

  private static final Map<String, Map<String, FieldKind>> BY_TYPE =
      Map.of(
          "Pass",
          Fields.union(BASE, IO, FLOW, RESULT, Fields.of("Result", ANY)),
          "Task",
          Fields.union(
              BASE,
              IO,
              FLOW,
              RESULT,
              SELECTOR_AND_ERRORS,
              Fields.of(
                  "Resource", RESOURCE,
                  "TimeoutSeconds", INTEGER_FROM_1,
                  "TimeoutSecondsPath", REFERENCE_PATH,
                  "HeartbeatSeconds", INTEGER_FROM_1,
                  "HeartbeatSecondsPath", REFERENCE_PATH,
                  "Credentials", PAYLOAD_TEMPLATE)),
          "Choice",
          Fields.union(
              BASE,
              IO,
              Fields.of("Choices", NESTED, "Default", STRING, "Assign", PAYLOAD_TEMPLATE)),
          "Wait",
          Fields.union(
              BASE,
              IO,
              FLOW,
              Fields.of(
                  "Seconds", NUMBER_FROM_0,
                  "Timestamp", TIMESTAMP,
                  "SecondsPath", REFERENCE_PATH,
                  "TimestampPath", REFERENCE_PATH)),
          "Succeed",
          Fields.union(BASE, IO),
          "Fail",
          Fields.union(
              BASE,
              Fields.of(
                  "Error",
                  STRING,
                  "Cause",
                  STRING,
                  "ErrorPath",
                  FAIL_PATH,
                  "CausePath",
                  FAIL_PATH)),
          "Parallel",
          Fields.union(BASE, IO, FLOW, RESULT, SELECTOR_AND_ERRORS, Fields.of("Branches", NESTED)),
          "Map",
          Fields.union(
              BASE,
              IO,
              FLOW,
              RESULT,
              SELECTOR_AND_ERRORS,
              Fields.of(
                  "ItemsPath", REFERENCE_PATH,
                  "ItemProcessor", OBJECT,
                  "Iterator", OBJECT,
                  "ItemSelector", PAYLOAD_TEMPLATE,
                  "MaxConcurrency", NUMBER_FROM_0,
                  "MaxConcurrencyPath", REFERENCE_PATH,
                  "ToleratedFailureCount", INTEGER_FROM_0,
                  "ToleratedFailureCountPath", REFERENCE_PATH,
                  "ToleratedFailurePercentage", PERCENTAGE,
                  "ToleratedFailurePercentagePath", REFERENCE_PATH,
                  "Label", STRING,
                  "ItemReader", OBJECT,
                  "ItemBatcher", OBJECT,
                  "ResultWriter", OBJECT)));

  private static final Map<String, FieldKind> ITEM_READER =
      Fields.of("Resource", STRING, "Parameters", PAYLOAD_TEMPLATE, "ReaderConfig", OBJECT);
  private static final Map<String, FieldKind> READER_CONFIG =
      Fields.of(
          "MaxItems",
          INTEGER_FROM_1,
          "MaxItemsPath",
          REFERENCE_PATH,
          "Parameters",
          PAYLOAD_TEMPLATE);
  private static final Map<String, FieldKind> ITEM_BATCHER =
      Fields.of(
          "MaxItemsPerBatch", INTEGER_FROM_0,
          "MaxItemsPerBatchPath", REFERENCE_PATH,
          "MaxInputBytesPerBatch", BATCH_BYTES,
          "MaxInputBytesPerBatchPath", REFERENCE_PATH,
          "BatchInput", PAYLOAD_TEMPLATE);
  private static final Map<String, FieldKind> RESULT_WRITER =
      Fields.of("Resource", STRING, "Parameters", PAYLOAD_TEMPLATE);

  static final Set<String> TYPES = BY_TYPE.keySet();

  private StateFields() {}

  /** Checks the fields of a state of a known {@code type}, reporting through {@code r}. */
  static void check(String type, JsonNode state, Reporter r) {
    Fields.check(r, state, BY_TYPE.get(type), "a " + type + " state");
    if (!Set.of("Choice", "Succeed", "Fail").contains(type)
        && state.has("End") == state.has("Next")) {
      r.report("Next", "exactly one of Next and End: true is required");
    }
    switch (type) {
      case "Task":
        Fields.required(r, state, "Resource");
        Fields.atMostOne(r, state, "TimeoutSeconds", "TimeoutSecondsPath");
        Fields.atMostOne(r, state, "HeartbeatSeconds", "HeartbeatSecondsPath");
        break;
      case "Choice":
        Fields.required(r, state, "Choices");
        break;
      case "Wait":
        Fields.exactlyOne(r, state, "Seconds", "Timestamp", "SecondsPath", "TimestampPath");
        break;
      case "Fail":
        Fields.atMostOne(r, state, "Error", "ErrorPath");
        Fields.atMostOne(r, state, "Cause", "CausePath");
        break;
      case "Parallel":
        Fields.required(r, state, "Branches");
        break;
      case "Map":
        map(state, r);
        break;
      default:
        break;
    }
  }

  private static void map(JsonNode state, Reporter r) {
    if (!state.has("ItemProcessor") && !state.has("Iterator")) {
      r.report("ItemProcessor", "is required");
    }
    Fields.atMostOne(r, state, "ItemProcessor", "Iterator");
    Fields.atMostOne(r, state, "ItemSelector", "Parameters");
    Fields.atMostOne(r, state, "MaxConcurrency", "MaxConcurrencyPath");
    Fields.atMostOne(r, state, "ToleratedFailureCount", "ToleratedFailureCountPath");
    Fields.atMostOne(r, state, "ToleratedFailurePercentage", "ToleratedFailurePercentagePath");
    JsonNode reader = state.path("ItemReader");
    if (reader.isObject()) {
      Reporter at = r.in("ItemReader");
      Fields.check(at, reader, ITEM_READER, null);
      Fields.required(at, reader, "Resource");
      JsonNode config = reader.path("ReaderConfig");
      if (config.isObject()) {
        Fields.check(at.in("ReaderConfig"), config, READER_CONFIG, null);
        Fields.atMostOne(at.in("ReaderConfig"), config, "MaxItems", "MaxItemsPath");
      }
    }
    JsonNode batcher = state.path("ItemBatcher");
    if (batcher.isObject()) {
      Reporter at = r.in("ItemBatcher");
      Fields.check(at, batcher, ITEM_BATCHER, null);
      Fields.atMostOne(at, batcher, "MaxItemsPerBatch", "MaxItemsPerBatchPath");
      Fields.atMostOne(at, batcher, "MaxInputBytesPerBatch", "MaxInputBytesPerBatchPath");
    }
    JsonNode writer = state.path("ResultWriter");
    if (writer.isObject()) {
      Fields.check(r.in("ResultWriter"), writer, RESULT_WRITER, null);
      Fields.required(r.in("ResultWriter"), writer, "Resource");
    }
  }
}
