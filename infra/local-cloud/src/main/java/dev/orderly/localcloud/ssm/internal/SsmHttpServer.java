package dev.orderly.localcloud.ssm.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * SSM's JSON 1.1 API on loopback through the JDK's HTTP server: POST with {@code X-Amz-Target},
 * errors as {@code {"__type": code, "message": ...}} with their status, an unexpected failure as a
 * 500 without internals.
 */
public final class SsmHttpServer implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(SsmHttpServer.class.getName());
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_BODY = 1024 * 1024;

  private final HttpServer server;
  private final ExecutorService threads;
  private final SsmApi api;

  public SsmHttpServer(SsmApi api, int port) {
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
              Thread thread = new Thread(runnable, "ssm-http");
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
        send(exchange, 200, "text/plain", "healthy: ssm.local".getBytes());
        return;
      }
      int status = 200;
      byte[] body;
      try {
        ObjectNode request = parse(exchange.getRequestBody());
        body =
            JSON.writeValueAsBytes(
                api.dispatch(exchange.getRequestHeaders().getFirst("X-Amz-Target"), request));
      } catch (SsmException e) {
        status = e.status();
        body = error(e.code(), e.getMessage());
      } catch (RuntimeException e) {
        LOG.log(Level.SEVERE, "unexpected failure", e);
        status = 500;
        body = error("InternalFailure", "Internal server error");
      }
      send(exchange, status, "application/x-amz-json-1.1", body);
    } finally {
      exchange.close();
    }
  }

  private static ObjectNode parse(InputStream in) throws IOException {
    byte[] bytes = in.readNBytes(MAX_BODY + 1);
    if (bytes.length > MAX_BODY) {
      throw new SsmException("ValidationException", "Request body is larger than 1 MB", 400);
    }
    try {
      JsonNode node = bytes.length == 0 ? JSON.createObjectNode() : JSON.readTree(bytes);
      if (node instanceof ObjectNode object) {
        return object;
      }
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      // answered below
    }
    throw new SsmException("SerializationException", "The request body is not a JSON object", 400);
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
