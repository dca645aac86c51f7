package dev.orderly.localcloud.api.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.orderly.localcloud.http.LoopbackHttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The HTTP API on loopback through the JDK's HTTP server, with a bounded pool of request threads
 * and one of integration threads (so an integration can time out). Serves the discovery documents
 * of the dev keys at {@code /.well-known/openid-configuration} and {@code /.well-known/jwks.json}
 * outside the API's routes.
 */
public final class HttpApiServer implements AutoCloseable {
  /** API Gateway's payload quota: 10 MB. */
  public static final int MAX_BODY_BYTES = 10 * 1024 * 1024;

  private static final String OPENID_CONFIGURATION = "/.well-known/openid-configuration";
  private static final String JWKS = "/.well-known/jwks.json";

  /** Hop-by-hop headers, which a proxy does not forward. */
  private static final Set<String> HOP_BY_HOP =
      Set.of(
          "connection",
          "keep-alive",
          "upgrade",
          "http2-settings",
          "te",
          "trailer",
          "transfer-encoding",
          "proxy-connection");

  private final ApiConfig config;
  private final ObjectMapper json = new ObjectMapper();
  private final HttpServer server;
  private final ExecutorService requestThreads;
  private final ExecutorService integrationThreads;
  private final ApiHandler handler;
  private final URI baseUri;

  public HttpApiServer(ApiConfig config) {
    this.config = config;
    this.requestThreads = pool("http-api", config.threads());
    this.integrationThreads = pool("http-api-integration", config.threads());
    this.handler = new ApiHandler(config, json, integrationThreads);
    try {
      this.server = LoopbackHttpServer.create(config.port(), 256);
    } catch (IOException e) {
      throw new UncheckedIOException("The HTTP API cannot listen on port " + config.port(), e);
    }
    server.setExecutor(requestThreads);
    server.createContext("/", this::exchange);
    server.start();
    InetSocketAddress address = server.getAddress();
    this.baseUri =
        URI.create("http://" + address.getAddress().getHostAddress() + ":" + address.getPort());
  }

  public URI baseUri() {
    return baseUri;
  }

  private void exchange(HttpExchange exchange) throws IOException {
    try {
      String requestId = config.requestIds().get();
      String path = exchange.getRequestURI().getRawPath();
      if (config.publishedKeys() != null
          && "GET".equals(exchange.getRequestMethod())
          && (OPENID_CONFIGURATION.equals(path) || JWKS.equals(path))) {
        drain(exchange.getRequestBody());
        send(exchange, discovery(path), requestId);
        return;
      }
      InputStream in = exchange.getRequestBody();
      byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
      boolean tooLarge = body.length > MAX_BODY_BYTES;
      if (tooLarge) {
        drain(in);
        body = new byte[0];
      }
      IncomingRequest request =
          new IncomingRequest(
              exchange.getRequestMethod().toUpperCase(Locale.ROOT),
              path == null ? "/" : path,
              exchange.getRequestURI().getRawQuery(),
              headers(exchange),
              body,
              exchange.getRemoteAddress().getAddress().getHostAddress(),
              exchange.getProtocol());
      send(exchange, handler.handle(request, tooLarge, requestId), requestId);
    } finally {
      exchange.close();
    }
  }

  private GatewayResponse discovery(String path) throws IOException {
    byte[] body;
    if (JWKS.equals(path)) {
      body = config.publishedKeys().toPublicJWKSet().toString().getBytes(StandardCharsets.UTF_8);
    } else {
      ObjectNode document = json.createObjectNode();
      document.put("issuer", config.issuer());
      document.put("jwks_uri", baseUri + JWKS);
      document.putArray("response_types_supported").add("token");
      document.putArray("subject_types_supported").add("public");
      document.putArray("id_token_signing_alg_values_supported").add("RS256");
      body = json.writeValueAsBytes(document);
    }
    return new GatewayResponse(200, Map.of("content-type", List.of("application/json")), body);
  }

  private static Map<String, List<String>> headers(HttpExchange exchange) {
    Map<String, List<String>> headers = new TreeMap<>();
    exchange
        .getRequestHeaders()
        .forEach(
            (name, values) -> {
              String lower = name.toLowerCase(Locale.ROOT);
              if (!HOP_BY_HOP.contains(lower)) {
                headers.computeIfAbsent(lower, n -> new ArrayList<>()).addAll(values);
              }
            });
    return headers;
  }

  private static void send(HttpExchange exchange, GatewayResponse response, String requestId)
      throws IOException {
    response.headers().forEach((name, values) -> exchange.getResponseHeaders().put(name, values));
    exchange.getResponseHeaders().set("apigw-requestid", requestId);
    int status = response.status();
    boolean noBody =
        response.body().length == 0
            || status == 204
            || status == 304
            || "HEAD".equals(exchange.getRequestMethod());
    exchange.sendResponseHeaders(status, noBody ? -1 : response.body().length);
    if (!noBody) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(response.body());
      }
    }
  }

  private static void drain(InputStream in) throws IOException {
    in.transferTo(OutputStream.nullOutputStream());
  }

  private static ExecutorService pool(String name, int threads) {
    AtomicInteger count = new AtomicInteger();
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            threads,
            threads,
            30,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            runnable -> {
              Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }

  @Override
  public void close() {
    server.stop(0);
    requestThreads.shutdownNow();
    integrationThreads.shutdownNow();
  }
}
