package dev.orderly.localcloud.events.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderly.localcloud.events.EventBridgeException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * PutEvents validation and the event envelope, as the EventBridge API reference describes
 * PutEvents: at most 10 entries of at most 256 KB in all (entry size as "Calculating PutEvents
 * event entry size": 14 bytes for Time, plus Source, DetailType, Detail and each Resource in
 * UTF-8); Source, DetailType and Detail required, Detail a JSON object.
 */
final class Envelopes {
  static final int MAX_ENTRIES = 10;
  static final int MAX_REQUEST_BYTES = 256 * 1024;
  private static final ObjectMapper JSON = new ObjectMapper();

  private Envelopes() {}

  /** Rejects the whole request: entry count or total size over the limits. */
  static void checkRequest(List<PutEventsEntry> entries) {
    if (entries.isEmpty() || entries.size() > MAX_ENTRIES) {
      throw EventBridgeException.validation(
          "1 validation error detected: Value at 'entries' failed to satisfy constraint: Member"
              + " must have length "
              + (entries.isEmpty() ? "greater than or equal to 1" : "less than or equal to 10"));
    }
    long total = 0;
    for (PutEventsEntry entry : entries) {
      total += size(entry);
    }
    if (total > MAX_REQUEST_BYTES) {
      throw EventBridgeException.validation(
          "Total size of the entries in the request is over the limit: "
              + total
              + " bytes, at most "
              + MAX_REQUEST_BYTES);
    }
  }

  static long size(PutEventsEntry entry) {
    long size = entry.time() == null ? 0 : 14;
    size += utf8(entry.source()) + utf8(entry.detailType()) + utf8(entry.detail());
    for (String resource : entry.resources()) {
      size += utf8(resource);
    }
    return size;
  }

  private static int utf8(String text) {
    return text == null ? 0 : text.getBytes(StandardCharsets.UTF_8).length;
  }

  /** Why this entry is refused, or null when it is valid; the detail parsed when valid. */
  static PutEventsResult problem(PutEventsEntry entry) {
    if (blank(entry.source())) {
      return required("Source");
    }
    if (blank(entry.detailType())) {
      return required("DetailType");
    }
    if (blank(entry.detail())) {
      return required("Detail");
    }
    if (!(parse(entry.detail()) instanceof ObjectNode)) {
      return PutEventsResult.failed("MalformedDetail", "Detail is malformed.");
    }
    if (entry.source().startsWith("aws.")) {
      return PutEventsResult.failed(
          "NotAuthorizedForSourceException", "Not authorized for the source.");
    }
    return null;
  }

  private static PutEventsResult required(String member) {
    return PutEventsResult.failed(
        "InvalidArgument",
        "Parameter " + member + " is not valid. Reason: " + member + " is a required argument.");
  }

  private static boolean blank(String text) {
    return text == null || text.isEmpty();
  }

  private static JsonNode parse(String detail) {
    try {
      return JSON.readTree(detail);
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  /** The event as targets and patterns see it, members in AWS's order. */
  static ObjectNode envelope(
      PutEventsEntry entry, String id, Instant now, String account, String region) {
    ObjectNode event = JSON.createObjectNode();
    event.put("version", "0");
    event.put("id", id);
    event.put("detail-type", entry.detailType());
    event.put("source", entry.source());
    event.put("account", account);
    Instant time = entry.time() == null ? now : entry.time();
    event.put("time", DateTimeFormatter.ISO_INSTANT.format(time.truncatedTo(ChronoUnit.SECONDS)));
    event.put("region", region);
    ArrayNode resources = event.putArray("resources");
    entry.resources().forEach(resources::add);
    event.set("detail", parse(entry.detail()));
    return event;
  }
}
