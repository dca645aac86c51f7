package dev.orderly.localcloud.events.internal.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.orderly.localcloud.events.EventBridgeException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The EventBridge API on loopback through the JDK's HTTP server: POST with {@code X-Amz-Target},
 * errors as {@code {"__type": code, "message": ...}} with 400, an unexpected failure as a 500
 * without internals.
 */
public final class EventsHttpServer implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(EventsHttpServer.class.getName());
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CONTENT_TYPE = "application/x-amz-json-1.1";
  private static final int MAX_BODY = 1024 * 1024;

  private final HttpServer server;
  private final ExecutorService threads;
  private final EventsApi api;

  public EventsHttpServer(EventsApi api, int port) {
    this.api = api;
    try {
      this.server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on port " + port, e);
    }
    this.threads =
        Executors.newCachedThreadPool(
            runnable -> {
              Thread thread = new Thread(runnable, "eventbridge-http");
              thread.setDaemon(true);
              return thread;
            });
    server.setExecutor(threads);
    server.createContext("/", this::handle);
    server.start();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try {
      if (!"POST".equals(exchange.getRequestMethod())) {
        send(exchange, 200, "text/plain", "healthy: events.local".getBytes(StandardCharsets.UTF_8));
        return;
      }
      int status = 200;
      byte[] body;
      try {
        ObjectNode request = parse(exchange.getRequestBody());
        body =
            JSON.writeValueAsBytes(
                api.dispatch(exchange.getRequestHeaders().getFirst("X-Amz-Target"), request));
      } catch (EventBridgeException e) {
        status = 400;
        body = error(e.errorCode(), e.getMessage());
      } catch (RuntimeException e) {
        LOG.log(Level.SEVERE, "unexpected failure", e);
        status = 500;
        body = error("InternalException", "Internal server error");
      }
      send(exchange, status, CONTENT_TYPE, body);
    } finally {
      exchange.close();
    }
  }

  private static ObjectNode parse(InputStream in) throws IOException {
    byte[] bytes = in.readNBytes(MAX_BODY + 1);
    if (bytes.length > MAX_BODY) {
      throw EventBridgeException.validation("Request body is larger than 1 MB");
    }
    try {
      JsonNode node = bytes.length == 0 ? JSON.createObjectNode() : JSON.readTree(bytes);
      if (node instanceof ObjectNode object) {
        return object;
      }
    } catch (JsonProcessingException e) {
      // answered below
    }
    throw new EventBridgeException(
        "SerializationException", "The request body is not a JSON object");
  }

  private static byte[] error(String code, String message) throws IOException {
    return JSON.writeValueAsBytes(
        JSON.createObjectNode().put("__type", code).put("message", message));
  }

  private static void send(HttpExchange exchange, int status, String type, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
