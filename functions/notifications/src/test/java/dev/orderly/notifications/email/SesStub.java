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
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * SES API v2 on loopback, just {@code POST /v2/email/outbound-emails} (SendEmail): records each
 * request and answers with a message id, or, while {@link #reject} is set, with SES's
 * MessageRejected error, or with the answers queued by {@link #answerNext}, in order.
 */
public final class SesStub implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One request as the stub received it. */
  public record Request(
      String method,
      String path,
      String authorization,
      String amzDate,
      String contentType,
      String securityToken,
      Map<String, String> headers,
      byte[] rawBody,
      JsonNode body) {}

  /** A scripted answer; {@code errorType} null for none; {@link #SILENCE} never answers. */
  public record Answer(int status, String errorType, String body) {}

  private final HttpServer server;
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final Queue<Answer> scripted = new ConcurrentLinkedQueue<>();
  private final Queue<Duration> delays = new ConcurrentLinkedQueue<>();
  private final CountDownLatch closed = new CountDownLatch(1);
  private volatile boolean reject;

  /** An answer that never comes: the stub holds the request until it is closed. */
  public static final Answer SILENCE = new Answer(0, null, "");

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

  /** Answers the next requests with {@code answers}, one each, before the usual answer. */
  public void answerNext(Answer... answers) {
    scripted.addAll(List.of(answers));
  }

  /** Holds the next request for {@code latency} before answering it as usual: a slow SES. */
  public void delayNext(Duration latency) {
    delays.add(latency);
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
            exchange.getRequestHeaders().getFirst("X-Amz-Date"),
            exchange.getRequestHeaders().getFirst("Content-Type"),
            exchange.getRequestHeaders().getFirst("X-Amz-Security-Token"),
            headers(exchange),
            body,
            body.length == 0 ? null : JSON.readTree(body)));
    boolean sendEmail =
        exchange.getRequestMethod().equals("POST")
            && exchange.getRequestURI().getPath().equals("/v2/email/outbound-emails");
    Answer next = scripted.poll();
    Duration latency = delays.poll();
    if (latency != null) {
      awaitClose(latency);
    }
    if (!sendEmail) {
      respond(exchange, 404, null, "{\"message\":\"not stubbed\"}");
    } else if (next == SILENCE) {
      awaitClose();
    } else if (next != null) {
      respond(exchange, next.status(), next.errorType(), next.body());
    } else if (reject) {
      respond(exchange, 400, "MessageRejected", "{\"message\":\"Email address is not verified.\"}");
    } else {
      respond(exchange, 200, null, "{\"MessageId\":\"ses-" + requests.size() + "\"}");
    }
  }

  /** Every header, named in lower case, with its first value. */
  private static Map<String, String> headers(HttpExchange exchange) {
    Map<String, String> headers = new TreeMap<>();
    exchange
        .getRequestHeaders()
        .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.get(0)));
    return headers;
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

  private void awaitClose() {
    try {
      closed.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void awaitClose(Duration atMost) {
    try {
      closed.await(atMost.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    closed.countDown();
    server.stop(0);
  }
}
