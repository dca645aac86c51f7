package dev.orderly.dynamodb.differential;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Sends raw DynamoDB JSON-protocol requests, so the differential suite can compare exactly what two
 * servers answer, errors included, without an SDK in between.
 */
final class WireClient {
  static final ObjectMapper JSON = new ObjectMapper();

  record Response(int status, JsonNode body) {}

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI endpoint;

  WireClient(URI endpoint) {
    this.endpoint = endpoint;
  }

  Response call(String operation, String body) {
    String target =
        operation.startsWith("Streams.")
            ? "DynamoDBStreams_20120810." + operation.substring("Streams.".length())
            : "DynamoDB_20120810." + operation;
    HttpRequest request =
        HttpRequest.newBuilder(endpoint)
            .timeout(Duration.ofSeconds(20))
            .header("Content-Type", "application/x-amz-json-1.0")
            .header("X-Amz-Target", target)
            .header("X-Amz-Date", "20260101T000000Z")
            .header(
                "Authorization",
                "AWS4-HMAC-SHA256 Credential=local/20260101/us-east-1/dynamodb/aws4_request,"
                    + " SignedHeaders=host;x-amz-date;x-amz-target, Signature=00")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      String text = response.body();
      return new Response(
          response.statusCode(), text.isEmpty() ? JSON.createObjectNode() : JSON.readTree(text));
    } catch (IOException e) {
      throw new UncheckedIOException(operation + " to " + endpoint + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
