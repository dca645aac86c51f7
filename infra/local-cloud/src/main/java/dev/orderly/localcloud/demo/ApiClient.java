package dev.orderly.localcloud.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The demo's HTTP client: JSON in and out, a bearer token, and what a well-behaved client does on
 * 429 and on 409 IDEMPOTENCY_KEY_IN_USE — wait as {@code Retry-After} says (or back off) and send
 * the same request again, with the same Idempotency-Key.
 */
final class ApiClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_ATTEMPTS = 50;

  private final HttpClient http;
  private final URI base;
  final AtomicLong throttled = new AtomicLong();
  final AtomicLong inProgress = new AtomicLong();
  final AtomicLong serverErrors = new AtomicLong();

  ApiClient(URI base) {
    this.base = base;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
  }

  /** One answer: status, headers that matter, and the JSON body (or null). */
  record Answer(int status, JsonNode body, boolean replayed) {}

  Answer send(String method, String path, String token, Map<String, String> headers, Object body) {
    byte[] bytes;
    try {
      bytes = body == null ? new byte[0] : JSON.writeValueAsBytes(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (int attempt = 1; ; attempt++) {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(base.resolve(path))
              .timeout(Duration.ofSeconds(30))
              .header("Authorization", "Bearer " + token)
              .method(
                  method,
                  body == null
                      ? HttpRequest.BodyPublishers.noBody()
                      : HttpRequest.BodyPublishers.ofByteArray(bytes));
      if (body != null) {
        request.header("Content-Type", "application/json");
      }
      headers.forEach(request::header);
      HttpResponse<byte[]> response;
      try {
        response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      } catch (IOException e) {
        throw new UncheckedIOException(method + " " + path + " failed", e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
      JsonNode json = parse(response.body());
      // 5xx: the Idempotency-Key claim was released, so the same request may be sent again.
      boolean retry =
          response.statusCode() == 429
              || response.statusCode() >= 500
              || (response.statusCode() == 409
                  && "IDEMPOTENCY_KEY_IN_USE"
                      .equals(json == null ? null : json.path("code").asText()));
      if (!retry || attempt >= MAX_ATTEMPTS) {
        boolean replayed =
            response.headers().firstValue("Idempotent-Replayed").map("true"::equals).orElse(false);
        return new Answer(response.statusCode(), json, replayed);
      }
      (response.statusCode() == 429
              ? throttled
              : response.statusCode() >= 500 ? serverErrors : inProgress)
          .incrementAndGet();
      long waitMs =
          response
              .headers()
              .firstValue("Retry-After")
              .map(s -> Long.parseLong(s.trim()) * 1000)
              .orElse(Math.min(1000L, 20L << Math.min(attempt, 6)));
      pause(Duration.ofMillis(Math.min(waitMs, 1000)));
    }
  }

  private static JsonNode parse(byte[] body) {
    if (body.length == 0) {
      return null;
    }
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      return null;
    }
  }

  /** A client's back-off between retries (real time: it is a client waiting on a server). */
  static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
