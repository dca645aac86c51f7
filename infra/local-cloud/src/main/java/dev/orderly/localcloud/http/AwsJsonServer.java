package dev.orderly.localcloud.http;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * An AWS JSON 1.1 API on loopback through the JDK's HTTP server (the local SSM and EventBridge):
 * POST with {@code X-Amz-Target}, errors as {@code {"__type": code, "message": ...}} with their
 * status, an unexpected failure as a 500 without internals.
 */
public final class AwsJsonServer implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(AwsJsonServer.class.getName());
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_BODY = 1024 * 1024;

  private final HttpServer server;
  private final ExecutorService threads;
  private final String service;
  private final String internalErrorCode;
  private final Dispatcher api;

  /** One operation: the {@code X-Amz-Target} and the request object in, the answer out. */
  @FunctionalInterface
  public interface Dispatcher {
    /**
     * @throws Error for an answer the service gives as an AWS error
     */
    JsonNode dispatch(String target, ObjectNode request);
  }

  /** An AWS error answer: {@code __type}, message and HTTP status. */
  public static final class Error extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String code;
    private final int status;

    public Error(String code, String message, int status) {
      super(message, null, false, false);
      this.code = code;
      this.status = status;
    }
  }

  /**
   * @param service names the threads and the health answer ({@code ssm}, {@code events})
   * @param internalErrorCode the {@code __type} of an unexpected failure, as the service names it
   */
  public AwsJsonServer(String service, String internalErrorCode, Dispatcher api, int port) {
    this.service = service;
    this.internalErrorCode = internalErrorCode;
    this.api = api;
    try {
      this.server = LoopbackHttpServer.create(port, 128);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on port " + port, e);
    }
    this.threads =
        Executors.newCachedThreadPool(
            runnable -> {
              Thread thread = new Thread(runnable, service + "-http");
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

  /** An answer: HTTP status and JSON body. */
  public record Answer(int status, byte[] body) {
    /** The body's content type. */
    public static final String CONTENT_TYPE = "application/x-amz-json-1.1";
  }

  private void handle(HttpExchange exchange) throws IOException {
    try {
      if (!"POST".equals(exchange.getRequestMethod())) {
        send(exchange, 200, "text/plain", ("healthy: " + service + ".local").getBytes(UTF_8));
        return;
      }
      Answer answer =
          answer(
              exchange.getRequestHeaders().getFirst("X-Amz-Target"),
              exchange.getRequestBody().readNBytes(MAX_BODY + 1));
      send(exchange, answer.status(), Answer.CONTENT_TYPE, answer.body());
    } finally {
      exchange.close();
    }
  }

  /**
   * Runs one request ({@code X-Amz-Target} and body) as the HTTP endpoint does, for callers in this
   * JVM that skip the socket.
   */
  public Answer answer(String target, byte[] request) {
    try {
      try {
        return new Answer(200, JSON.writeValueAsBytes(api.dispatch(target, parse(request))));
      } catch (Error e) {
        return new Answer(e.status, error(e.code, e.getMessage()));
      } catch (RuntimeException e) {
        LOG.log(Level.SEVERE, "unexpected failure", e);
        return new Answer(500, error(internalErrorCode, "Internal server error"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ObjectNode parse(byte[] bytes) throws IOException {
    if (bytes.length > MAX_BODY) {
      throw new Error("ValidationException", "Request body is larger than 1 MB", 400);
    }
    try {
      JsonNode node = bytes.length == 0 ? JSON.createObjectNode() : JSON.readTree(bytes);
      if (node instanceof ObjectNode object) {
        return object;
      }
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      // answered below
    }
    throw new Error("SerializationException", "The request body is not a JSON object", 400);
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
