package dev.orderly.outboxrelay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * EventBridge's PutEvents on loopback, until the local cloud's bus exists: records every entry it
 * is sent and answers per entry as EventBridge does, failing an event (by its detail's eventId) as
 * many times as scripted, with {@code FailedEntryCount} set.
 */
final class PutEventsStub implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final List<JsonNode> calls = new CopyOnWriteArrayList<>();
  private final Map<String, Integer> failures = new ConcurrentHashMap<>();

  PutEventsStub() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/",
        exchange -> {
          JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
          calls.add(request);
          byte[] body = answer(request).toString().getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
  }

  private ObjectNode answer(JsonNode request) {
    ObjectNode response = JsonNodeFactory.instance.objectNode();
    ArrayNode results = response.putArray("Entries");
    int failed = 0;
    for (JsonNode entry : request.path("Entries")) {
      String eventId = eventId(entry);
      int left = failures.getOrDefault(eventId, 0);
      if (left > 0) {
        failures.put(eventId, left - 1);
        results.addObject().put("ErrorCode", "InternalFailure").put("ErrorMessage", "try again");
        failed++;
      } else {
        results.addObject().put("EventId", "eb-" + eventId);
      }
    }
    return response.put("FailedEntryCount", failed);
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Fails the event's entry the next {@code times} times it is sent. */
  void fail(String eventId, int times) {
    failures.put(eventId, times);
  }

  /** Every PutEvents request, as sent. */
  List<JsonNode> calls() {
    return List.copyOf(calls);
  }

  /** The eventIds of every entry sent, in order, failed ones included. */
  List<String> sent() {
    return calls.stream()
        .flatMap(
            call ->
                java.util.stream.StreamSupport.stream(call.path("Entries").spliterator(), false))
        .map(PutEventsStub::eventId)
        .toList();
  }

  static String eventId(JsonNode entry) {
    try {
      return JSON.readTree(entry.path("Detail").asText()).path("metadata").path("eventId").asText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
