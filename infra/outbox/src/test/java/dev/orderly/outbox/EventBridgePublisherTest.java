package dev.orderly.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/**
 * The EventBridge adapter through the real SDK client against a PutEvents stub on loopback that
 * records requests and fails every entry whose detail-type says so: the adapter must send the
 * envelope exactly and report failures per entry. (The local cloud's EventBridge, a later issue,
 * exercises it end to end.)
 */
class EventBridgePublisherTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private HttpServer stub;
  private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
  private EventBridgeClient events;

  @BeforeEach
  void start() throws IOException {
    stub = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    stub.createContext(
        "/",
        exchange -> {
          JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
          requests.add(request);
          ObjectNode response = JsonNodeFactory.instance.objectNode();
          ArrayNode entries = response.putArray("Entries");
          int failed = 0;
          for (JsonNode entry : request.path("Entries")) {
            if (entry.path("DetailType").asText().startsWith("Fail")) {
              entries
                  .addObject()
                  .put("ErrorCode", "InternalFailure")
                  .put("ErrorMessage", "try again");
              failed++;
            } else {
              entries.addObject().put("EventId", "id-" + entries.size());
            }
          }
          response.put("FailedEntryCount", failed);
          byte[] body = response.toString().getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    stub.start();
    events =
        EventBridgeClient.builder()
            .endpointOverride(URI.create("http://127.0.0.1:" + stub.getAddress().getPort()))
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
            .httpClient(UrlConnectionHttpClient.builder().build())
            .build();
  }

  @AfterEach
  void stop() {
    events.close();
    stub.stop(0);
  }

  private static OutboxEntry entry(String detailType, String eventId) {
    return new OutboxEntry(
        "o1",
        1,
        new EventEnvelope(
            "orderly.orders",
            detailType,
            eventId,
            "tenant-a",
            "corr-1",
            Instant.parse("2026-05-01T10:00:00Z"),
            1,
            JsonNodeFactory.instance.objectNode().put("orderId", "o1")));
  }

  @Test
  void publish_sendsTheEnvelopeAndReportsFailuresPerEntry() {
    List<String> results =
        new EventBridgePublisher(events, "orderly-bus")
            .publish(List.of(entry("OrderPlaced", "e1"), entry("FailingEvent", "e2")));

    assertThat(results).containsExactly(null, "InternalFailure");
    JsonNode sent = requests.get(0).path("Entries").get(0);
    assertThat(sent.path("EventBusName").asText()).isEqualTo("orderly-bus");
    assertThat(sent.path("Source").asText()).isEqualTo("orderly.orders");
    assertThat(sent.path("DetailType").asText()).isEqualTo("OrderPlaced");
    JsonNode detail = assertParses(sent.path("Detail").asText());
    assertThat(detail.path("metadata").path("eventId").asText()).isEqualTo("e1");
    assertThat(detail.path("metadata").path("tenantId").asText()).isEqualTo("tenant-a");
    assertThat(detail.path("metadata").path("correlationId").asText()).isEqualTo("corr-1");
    assertThat(detail.path("metadata").path("occurredAt").asText())
        .isEqualTo("2026-05-01T10:00:00Z");
    assertThat(detail.path("metadata").path("schemaVersion").asInt()).isEqualTo(1);
    assertThat(detail.path("data").path("orderId").asText()).isEqualTo("o1");
  }

  private static JsonNode assertParses(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new AssertionError("detail is not JSON: " + json, e);
    }
  }
}
