package dev.orderly.stepfunctions.internal.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderly.stepfunctions.internal.StatesException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequest;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

/**
 * The optimised EventBridge integration, {@code events:putEvents} ("Add EventBridge events with
 * Step Functions", https://docs.aws.amazon.com/step-functions/latest/dg/connect-eventbridge.html).
 * An entry's {@code Detail} object is sent as its JSON text. The result is PutEvents' response,
 * {@code {"Entries": [{"EventId": ...}], "FailedEntryCount": 0}}; when {@code FailedEntryCount} is
 * not zero the task fails with {@code EventBridge.FailedEntry}, as that page says, the response as
 * the cause. Other errors are {@code EventBridge.<Name>}.
 *
 * <p>Not done here: AWS appends the execution and state machine ARNs to each entry's {@code
 * Resources}; a {@link dev.orderly.stepfunctions.internal.interpreter.TaskInvoker} is not told
 * them.
 */
final class EventBridgeIntegration {
  static final String FAILED_ENTRY = "EventBridge.FailedEntry";
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Set<String> ENTRY =
      Set.of("Detail", "DetailType", "Source", "EventBusName", "Resources", "Time", "TraceHeader");

  private final EventBridgeClient events;

  EventBridgeIntegration(EventBridgeClient events) {
    this.events = events;
  }

  static boolean supports(String action) {
    return action.equals("putEvents");
  }

  JsonNode call(String action, JsonNode input) {
    if (!supports(action)) {
      throw new IllegalArgumentException("Not an optimised EventBridge action: " + action);
    }
    Parameters p = Parameters.of(input, Set.of("Entries"));
    JsonNode entries = p.get("Entries");
    if (!entries.isArray() || entries.isEmpty()) {
      throw p.invalid("The value for the field 'Entries' must be a non-empty ARRAY");
    }
    List<PutEventsRequestEntry> requestEntries = new ArrayList<>();
    for (JsonNode entry : entries) {
      if (!entry.isObject()) {
        throw p.invalid("Each of \"Entries\" must be an OBJECT");
      }
      requestEntries.add(entry(Parameters.of(entry, ENTRY)));
    }
    PutEventsResponse response;
    try {
      response = events.putEvents(PutEventsRequest.builder().entries(requestEntries).build());
    } catch (SdkException failure) {
      throw ServiceErrors.of("EventBridge", failure, EventBridgeException.class);
    }
    ObjectNode result = NODES.objectNode();
    ArrayNode resultEntries = result.putArray("Entries");
    response.entries().forEach(entry -> resultEntries.add(resultEntry(entry)));
    int failed = response.failedEntryCount() == null ? 0 : response.failedEntryCount();
    result.put("FailedEntryCount", failed);
    if (failed > 0) {
      throw new StatesException(FAILED_ENTRY, result.toString());
    }
    return result;
  }

  private static PutEventsRequestEntry entry(Parameters p) {
    PutEventsRequestEntry.Builder entry = PutEventsRequestEntry.builder();
    if (p.has("Detail")) {
      JsonNode detail = p.get("Detail");
      entry.detail(detail.isTextual() ? detail.textValue() : detail.toString());
    }
    p.optionalText("DetailType").ifPresent(entry::detailType);
    p.optionalText("Source").ifPresent(entry::source);
    p.optionalText("EventBusName").ifPresent(entry::eventBusName);
    p.optionalText("TraceHeader").ifPresent(entry::traceHeader);
    if (p.has("Resources")) {
      JsonNode resources = p.get("Resources");
      if (!resources.isArray()) {
        throw p.invalid("The value for the field 'Resources' must be an ARRAY");
      }
      List<String> arns = new ArrayList<>();
      resources.forEach(arn -> arns.add(arn.asText()));
      entry.resources(arns);
    }
    if (p.has("Time")) {
      entry.time(time(p));
    }
    return entry.build();
  }

  /** An entry's Time: epoch seconds, as the JSON protocol sends timestamps, or ISO-8601 text. */
  private static Instant time(Parameters p) {
    JsonNode time = p.get("Time");
    if (time.isNumber()) {
      BigDecimal seconds = time.decimalValue();
      return Instant.ofEpochSecond(
          seconds.longValue(), seconds.remainder(BigDecimal.ONE).movePointRight(9).intValue());
    }
    try {
      return Instant.parse(time.asText());
    } catch (DateTimeParseException e) {
      throw p.invalid("The value for the field 'Time' must be a timestamp, got " + time);
    }
  }

  private static ObjectNode resultEntry(PutEventsResultEntry entry) {
    ObjectNode json = NODES.objectNode();
    if (entry.eventId() != null) {
      json.put("EventId", entry.eventId());
    }
    if (entry.errorCode() != null) {
      json.put("ErrorCode", entry.errorCode());
      json.put("ErrorMessage", entry.errorMessage());
    }
    return json;
  }
}
