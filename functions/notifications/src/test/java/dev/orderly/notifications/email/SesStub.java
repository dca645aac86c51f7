package dev.orderly.notifications.email;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * SES API v2 on loopback, just {@code POST /v2/email/outbound-emails} (SendEmail): records each
 * request and answers with a message id, or, while {@link #reject} is set, with SES's
 * MessageRejected error.
 */
public final class SesStub implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One request as the stub received it. */
  public record Request(String method, String path, String authorization, JsonNode body) {}

  private final HttpServer server;
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private volatile boolean reject;

  public SesStub() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::answer);
    server.start();
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  public List<Request> requests() {
    return List.copyOf(requests);
  }

  public void reject(boolean reject) {
    this.reject = reject;
  }

  private void answer(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    requests.add(
        new Request(
            exchange.getRequestMethod(),
            exchange.getRequestURI().getPath(),
            exchange.getRequestHeaders().getFirst("Authorization"),
            body.length == 0 ? null : JSON.readTree(body)));
    boolean sendEmail =
        exchange.getRequestMethod().equals("POST")
            && exchange.getRequestURI().getPath().equals("/v2/email/outbound-emails");
    if (!sendEmail) {
      respond(exchange, 404, null, "{\"message\":\"not stubbed\"}");
    } else if (reject) {
      respond(exchange, 400, "MessageRejected", "{\"message\":\"Email address is not verified.\"}");
    } else {
      respond(exchange, 200, null, "{\"MessageId\":\"ses-" + requests.size() + "\"}");
    }
  }

  private static void respond(HttpExchange exchange, int status, String errorType, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.getResponseHeaders().add("x-amzn-RequestId", "stub-request");
    if (errorType != null) {
      exchange.getResponseHeaders().add("x-amzn-ErrorType", errorType);
    }
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
