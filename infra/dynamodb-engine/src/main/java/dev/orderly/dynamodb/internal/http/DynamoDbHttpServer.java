package dev.orderly.dynamodb.internal.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.orderly.dynamodb.internal.error.DynamoDbException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.zip.CRC32;

/**
 * The DynamoDB JSON protocol on loopback: POST with {@code X-Amz-Target}, a JSON body, and a JSON
 * answer with {@code x-amz-crc32} (which the SDK verifies) and a request id. Errors carry
 * DynamoDB's {@code __type}; an unexpected failure answers 500 without internals.
 */
public final class DynamoDbHttpServer implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(DynamoDbHttpServer.class.getName());
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CONTENT_TYPE = "application/x-amz-json-1.0";

  static {
    // The JDK server writes headers and body separately; without TCP_NODELAY, Nagle's algorithm
    // and the client's delayed ACK add ~40 ms to every sequential request. Read once, at class
    // initialisation of the JDK server, so it must be set before the first server starts.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final HttpServer server;
  private final ExecutorService executor;
  private final Dispatcher dispatcher;

  public DynamoDbHttpServer(Dispatcher dispatcher, int port) {
    this.dispatcher = dispatcher;
    try {
      this.server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 256);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on port " + port, e);
    }
    this.executor = Executors.newCachedThreadPool(daemonThreads());
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!"POST".equals(exchange.getRequestMethod())) {
        byte[] body = "healthy: dynamodb.local".getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        return;
      }
      byte[] request;
      try (InputStream in = exchange.getRequestBody()) {
        request = in.readAllBytes();
      }
      int status = 200;
      byte[] response;
      try {
        ObjectNode body = parse(request);
        ObjectNode result =
            dispatcher.dispatch(exchange.getRequestHeaders().getFirst("X-Amz-Target"), body);
        response = JSON.writeValueAsBytes(result);
      } catch (DynamoDbException e) {
        status = e.status();
        response = error(e);
      } catch (RuntimeException e) {
        LOG.log(Level.SEVERE, "unexpected failure", e);
        status = 500;
        response =
            error(
                new DynamoDbException(
                    DynamoDbException.INTERNAL_SERVER_ERROR, "Internal server error", 500));
      }
      CRC32 crc = new CRC32();
      crc.update(response);
      exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
      exchange.getResponseHeaders().set("x-amz-crc32", Long.toString(crc.getValue()));
      exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
      exchange.sendResponseHeaders(status, response.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(response);
      }
    }
  }

  private static ObjectNode parse(byte[] request) {
    try {
      JsonNode node = request.length == 0 ? JSON.createObjectNode() : JSON.readTree(request);
      if (node instanceof ObjectNode object) {
        return object;
      }
    } catch (JsonProcessingException e) {
      // fall through to the serialization error below
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new DynamoDbException(
        DynamoDbException.SERIALIZATION, "Start of structure or map found where not expected", 400);
  }

  private static byte[] error(DynamoDbException e) throws JsonProcessingException {
    ObjectNode node = JSON.createObjectNode();
    node.put("__type", e.type());
    if (e.getMessage() != null) {
      node.put("message", e.getMessage());
    }
    for (Map.Entry<String, Object> member : e.extraMembers().entrySet()) {
      node.set(member.getKey(), JSON.valueToTree(member.getValue()));
    }
    return JSON.writeValueAsBytes(node);
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, "dynamodb-engine-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdown();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
