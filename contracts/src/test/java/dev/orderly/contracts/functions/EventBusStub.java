package dev.orderly.contracts.functions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * EventBridge's PutEvents on loopback (the repository has no in-process bus yet): accepts every
 * entry as EventBridge does and keeps them, so a test sees what the relay published.
 */
public final class EventBusStub implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final List<JsonNode> entries = new CopyOnWriteArrayList<>();

  EventBusStub() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/",
        exchange -> {
          JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
          ObjectNode response = JsonNodeFactory.instance.objectNode();
          response.put("FailedEntryCount", 0);
          for (JsonNode entry : request.path("Entries")) {
            entries.add(entry);
            response.withArray("Entries").addObject().put("EventId", "eb-" + entries.size());
          }
          byte[] body = response.toString().getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Every PutEvents entry received, in order. */
  public List<JsonNode> entries() {
    return List.copyOf(entries);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
