package dev.orderly.localcloud.ses;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.orderly.localcloud.http.LoopbackHttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Amazon SES API v2 {@code SendEmail} on loopback, so the notifications function runs its
 * production SES adapter locally ({@code AWS_ENDPOINT_URL_SESV2}) and nothing leaves the machine:
 * every accepted mail is kept in order and handed to a listener (the {@code up} command prints it).
 *
 * <p>It checks what SES checks before accepting (a sender, at least one recipient, a subject and a
 * body in simple content, a SigV4 {@code Authorization} header) and answers as the API reference
 * describes (https://docs.aws.amazon.com/ses/latest/APIReference-V2/API_SendEmail.html): {@code 200
 * {"MessageId": ...}}, or {@code 400} with {@code x-amzn-ErrorType: BadRequestException}. It does
 * not verify identities, quotas or the signature itself.
 */
public final class LocalSes implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PATH = "/v2/email/outbound-emails";

  private final HttpServer server;
  private final ExecutorService executor;
  private final Clock clock;
  private final Supplier<String> ids;
  private final Consumer<SentEmail> listener;
  private final List<SentEmail> sent = new ArrayList<>();

  private LocalSes(int port, Clock clock, Supplier<String> ids, Consumer<SentEmail> listener)
      throws IOException {
    this.clock = clock;
    this.ids = ids;
    this.listener = listener;
    this.server = LoopbackHttpServer.create(port, 64);
    this.executor = Executors.newFixedThreadPool(4, r -> daemon(r, "local-ses"));
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  /** Starts on {@code port} (0 for any free port) on the loopback interface. */
  public static LocalSes start(
      int port, Clock clock, Supplier<String> ids, Consumer<SentEmail> listener) {
    try {
      return new LocalSes(port, clock, ids, listener);
    } catch (IOException e) {
      throw new IllegalStateException("cannot listen on port " + port + " for SES", e);
    }
  }

  public URI endpoint() {
    return URI.create("http://localhost:" + server.getAddress().getPort());
  }

  /** Every mail accepted so far, oldest first. */
  public synchronized List<SentEmail> sent() {
    return List.copyOf(sent);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!"POST".equals(exchange.getRequestMethod())
          || !PATH.equals(exchange.getRequestURI().getPath())) {
        error(exchange, 404, "NotFoundException", "Only SendEmail is served locally.");
        return;
      }
      if (exchange.getRequestHeaders().getFirst("Authorization") == null) {
        error(exchange, 403, "MissingAuthenticationTokenException", "Missing Authentication");
        return;
      }
      JsonNode request;
      try (InputStream in = exchange.getRequestBody()) {
        request = JSON.readTree(in);
      } catch (IOException e) {
        error(exchange, 400, "BadRequestException", "The request body is not JSON.");
        return;
      }
      String problem = invalid(request);
      if (problem != null) {
        error(exchange, 400, "BadRequestException", problem);
        return;
      }
      SentEmail mail = accept(request);
      listener.accept(mail);
      ObjectNode answer = JSON.createObjectNode().put("MessageId", mail.messageId());
      respond(exchange, 200, null, answer);
    }
  }

  private synchronized SentEmail accept(JsonNode request) {
    List<String> to = new ArrayList<>();
    request.path("Destination").path("ToAddresses").forEach(a -> to.add(a.asText()));
    JsonNode simple = request.path("Content").path("Simple");
    SentEmail mail =
        new SentEmail(
            ids.get(),
            clock.instant(),
            request.path("FromEmailAddress").asText(),
            to,
            simple.path("Subject").path("Data").asText(),
            simple.path("Body").path("Text").path("Data").asText());
    sent.add(mail);
    return mail;
  }

  private static String invalid(JsonNode request) {
    if (request.path("FromEmailAddress").asText("").isBlank()) {
      return "FromEmailAddress is required.";
    }
    if (request.path("Destination").path("ToAddresses").size() == 0) {
      return "At least one recipient is required.";
    }
    JsonNode simple = request.path("Content").path("Simple");
    if (simple.isMissingNode()) {
      return "Only Content.Simple is served locally.";
    }
    if (simple.path("Subject").path("Data").asText("").isBlank()) {
      return "Content.Simple.Subject.Data is required.";
    }
    if (simple.path("Body").path("Text").isMissingNode()
        && simple.path("Body").path("Html").isMissingNode()) {
      return "Content.Simple.Body needs Text or Html.";
    }
    return null;
  }

  private static void error(HttpExchange exchange, int status, String type, String message)
      throws IOException {
    respond(exchange, status, type, JSON.createObjectNode().put("message", message));
  }

  private static void respond(HttpExchange exchange, int status, String errorType, JsonNode body)
      throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    if (errorType != null) {
      exchange.getResponseHeaders().set("x-amzn-ErrorType", errorType);
    }
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
